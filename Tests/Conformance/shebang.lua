#!/usr/bin/env -S limber run
-- a shebang line, as an executable script has
print("shebang ok", ...)
error("line three")
