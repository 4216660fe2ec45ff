-- os.exit variants: exit_coroutine
local x <close> = setmetatable({}, { __close = function() print("closed") end })
io.write("buffered ")
print("before")
coroutine.wrap(function() os.exit(5) end)()
print("after")
