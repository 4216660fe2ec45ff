-- Strings and their metatable, as trusted code sees them.
print(getmetatable("").__index == string)
function string.trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. ("  padded  "):trim() .. "]")
local upper = string.upper
string.upper = function(s) return "U:" .. upper(s) end
print(("x"):upper())
string.upper = upper
print(("abc"):rep(3, "-"), ("héllo"):len(), utf8.len("héllo"))
print(string.format("%5.2f|%-5d|%q|%x|%s", 3.14159, 42, "a\nb\0c", 255, nil))
print(("hello"):byte(1, -1))
print(string.char(72, 105), ("abc"):sub(-2), ("abc"):sub(5), ("abc"):reverse())
print(string.pack("<i4", 100):byte(1, -1))
print(string.unpack("<i4", string.pack("<i4", -7)))
print(#string.dump(function() return 1 end) > 0)
print(tostring(nil), tostring(true), tostring(12), tostring(1.5))
print("10" + 5, "3" * "4", 10 .. 20)
print(pcall(function() return ("x") + 1 end))
print(pcall(string.rep))
print(select("#", ("a,b,,c"):gsub(",", ";")))
