-- os.exit variants: exit_plain
local x <close> = setmetatable({}, { __close = function() print("closed") end })
io.write("buffered ")
print("before")
os.exit()
print("after")
