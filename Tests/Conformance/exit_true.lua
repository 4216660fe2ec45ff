-- os.exit variants: exit_true
local x <close> = setmetatable({}, { __close = function() print("closed") end })
io.write("buffered ")
print("before")
os.exit(true)
print("after")
