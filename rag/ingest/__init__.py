"""From files to an index: readers per format, chunking, and the build pipeline (chunk ->
embed -> index)."""
