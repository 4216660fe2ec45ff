-- luacheck (Debian's lua-check) for the Lua in this repository; scripts/test runs
-- `luacheck .` from the top. Lua 5.4 is the standard everywhere.
std = "lua54"
max_line_length = 160
codes = true

-- The host API every plugin, script and test file sees, and a plugin's own settings.
read_globals = { "limber" }

-- Conformance scripts compare limber run with lua5.4 on purpose-made odd code (globals, shadowed
-- _ENV, replaced library functions): they are checked by running them, not by this.
-- meta/ holds the generated LuaLS stubs (declarations, not code).
exclude_files = { "Tests/Conformance/**", "meta/**", ".build/**", ".build-*/**", ".build_*/**" }

files["plugins/**"] = { read_globals = { "limber", "settings" } }
files["docs/examples/**"] = { read_globals = { "limber", "settings" } }

-- `limber test` files: the test runtime's globals (meta/limber_test.lua documents them).
local test_globals = { "limber", "settings", "test", "expect", "clock", "log", "reminders", "progressions" }
files["**/*_test.lua"] = { read_globals = test_globals }

-- The host's own Lua: the sandbox builder, the test runtime, the printer, the REPL side.
files["Sources/**/*.lua"] = { read_globals = { "limber" } }
