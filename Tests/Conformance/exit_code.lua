-- os.exit variants: exit_code
local x <close> = setmetatable({}, { __close = function() print("closed") end })
io.write("buffered ")
print("before")
os.exit(7)
print("after")
