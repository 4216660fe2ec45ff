-- os.exit variants: exit_false
local x <close> = setmetatable({}, { __close = function() print("closed") end })
io.write("buffered ")
print("before")
os.exit(false)
print("after")
