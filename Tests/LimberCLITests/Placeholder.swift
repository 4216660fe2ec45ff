// Tests for the command-line layer live in this folder.
