-- os.exit variants: exit_in_pcall
local x <close> = setmetatable({}, { __close = function() print("closed") end })
io.write("buffered ")
print("before")
print(pcall(os.exit, 6))
print("after")
