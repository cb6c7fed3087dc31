"""The fuzz suite: every public parser, loader and CLI command on arbitrary input."""
