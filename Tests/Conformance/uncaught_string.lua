-- An uncaught error: message and traceback on stderr, exit code 1.
local function fail() error("it failed") end
print("before")
fail()
