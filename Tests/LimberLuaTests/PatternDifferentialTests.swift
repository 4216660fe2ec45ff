import CLuaShim
import Testing

@testable import LimberLua

/// limber's pattern functions against stock Lua 5.4's, over random patterns and subjects.
@Suite("pattern matcher against stock Lua")
struct PatternDifferentialTests {
    /// Every error stock Lua's pattern functions raise that the generator must reach.
    static let expectedErrors = [
        "malformed pattern (ends with '%')", "malformed pattern (missing ']')",
        "malformed pattern (missing arguments to '%b')", "missing '[' after '%f' in pattern",
        "invalid capture index %N", "invalid pattern capture", "unfinished capture", "too many captures",
        "pattern too complex", "invalid use of '%' in replacement string", "invalid replacement value (a table)",
        "bad argument #N to 'find' (string expected, got nil)",
        "bad argument #N to 'find' (number has no integer representation)",
        "bad argument #N to 'gsub' (string/function/table expected, got nil)",
        "bad argument #N to 'gsub' (number expected, got string)",
        "bad argument #N to 'gmatch' (string expected, got nil)",
    ]

    @Test(arguments: [20_261_202, 7])
    func randomCasesGiveStockResultsAndErrors(seed: Int) throws {
        let lua = try LuaState()
        #expect(limber_open_stock_patterns(lua.L) == 0)
        let chunk = try lua.load(Array(Self.script.utf8), chunkName: "=differential")
        let results = try lua.call(chunk, [.integer(Int64(seed)), .integer(20_000)])
        #expect(results.first == .integer(20_000))
        let report = results.count > 2 ? results[2].stringValue ?? "" : ""
        #expect(results.count > 1 && results[1] == .integer(0), "seed \(seed): limber and stock differ:\n\(report)")
        let seen = Set((results.count > 3 ? results[3].stringValue ?? "" : "").split(separator: "\n").map(String.init))
        for message in Self.expectedErrors {
            #expect(seen.contains(message), "seed \(seed): no case reached '\(message)'")
        }
    }

    @Test func stockFunctionsAreTheOnesCompared() throws {
        let lua = try LuaState()
        #expect(try lua.run("return stock_string", chunkName: "=t") == [.nil], "stock is test-only")
        #expect(limber_open_stock_patterns(lua.L) == 0)
        let same = try lua.run(
            """
            return stock_string.find == string.find, ("").find == string.find,
              getmetatable("").__index == string
            """, chunkName: "=t")
        #expect(same == [false, true, true])
    }

    /// The generator and the comparison, in Lua: arguments are the seed and the number of cases;
    /// results are the cases run, the mismatch count, the first mismatches, and the errors stock raised.
    static let script = #"""
        -- Differential check of limber's pattern functions (string.*) against stock (stock_string.*).
        -- Returns the number of cases run and the first mismatches, each with what both gave.
        local seed, cases = ...
        seed = seed or 1
        cases = cases or 20000
        math.randomseed(seed)
        local random, concat, rep, char = math.random, table.concat, string.rep, string.char
        local pack, unpack = table.pack, table.unpack

        local function pick(list) return list[random(#list)] end

        local classes = { "a", "b", "c", ".", "%a", "%d", "%s", "%w", "%l", "%u", "%p", "%c", "%x", "%g",
          "%A", "%D", "%S", "%W", "%z", "%%", "%.", "%]", "%(", "%-", "^", "$", "-", "1", " ", "\0", "\xc3",
          "[ab]", "[^a]", "[a-c]", "[%a-]", "[]]", "[^]]", "[%d_]", "[a-]", "[-a]", "[%]]", "[a%-c]",
          "[%w%s]", "[^%a]", "[c-a]", "[\xc3\xa9]", "[%]", "[", "[^", "[a" }
        local quantifiers = { "", "", "", "*", "+", "-", "?" }
        local specials = { "(", ")", "()", "%1", "%2", "%3", "%0", "%9", "%b()", "%bab", "%b", "%ba",
          "%f[%a]", "%f[^a]", "%f[%s]", "%f[%z]", "%f[^%l]", "%f", "%fa", "%", "$", "^", "(.-)", "(a*)", "((a)b)" }

        local function gen_pattern()
          local parts = {}
          if random() < 0.3 then parts[#parts + 1] = "^" end
          for _ = 1, random(0, 6) do
            if random() < 0.25 then
              parts[#parts + 1] = pick(specials)
            else
              parts[#parts + 1] = pick(classes) .. pick(quantifiers)
            end
          end
          if random() < 0.2 then parts[#parts + 1] = "$" end
          return concat(parts)
        end

        local letters = { "a", "a", "b", "b", "c", " ", "(", ")", "1", "_", "-", "]", "%", "^", "$", "\0",
          "\xc3\xa9", "A", "." }
        local function gen_subject()
          local parts = {}
          for _ = 1, random(0, 12) do parts[#parts + 1] = pick(letters) end
          return concat(parts)
        end

        local replacements = { "x", "%0", "%1", "%2", "%%", "%", "%x", "<%1>", "[%0|%1]", "", "%9", "a%%b", 7 }
        local function gen_string_replacement()
          local r = pick(replacements)
          if type(r) == "string" and random() < 0.3 then r = r .. pick(replacements) end
          return r
        end

        -- How a list of results reads, exactly (strings quoted, integers and floats told apart).
        local function show(t, n)
          local out = {}
          for i = 1, n do
            local v = t[i]
            local kind = math.type(v)
            if type(v) == "string" then out[i] = string.format("%q", v)
            elseif kind then out[i] = kind .. ":" .. tostring(v)
            else out[i] = tostring(v) end
          end
          return concat(out, ", ")
        end

        local function outcome(f, ...)
          local r = pack(pcall(f, ...))
          if not r[1] then return "error: " .. tostring(r[2]) end
          return show({ unpack(r, 2, r.n) }, r.n - 1)
        end

        -- Each call goes through one call site for both libraries, so errors name the same place.
        local function call_find(lib, ...) return lib.find(...) end
        local function call_match(lib, ...) return lib.match(...) end
        local function call_gmatch(lib, s, p, init)
          local out, n = {}, 0
          for a, b, c in lib.gmatch(s, p, init) do
            n = n + 1
            out[n] = show({ a, b, c }, 3)
            if n > 40 then break end
          end
          return concat(out, " / ")
        end
        local function call_gmatch_direct(lib, s, p)
          local step = lib.gmatch(s, p)
          local a = pack(step())
          local b = pack(step())
          return show(a, a.n) .. " # " .. a.n .. " / " .. show(b, b.n) .. " # " .. b.n
        end
        local function call_gsub(lib, ...) return lib.gsub(...) end

        local log
        local function make_function_replacement(mode)
          return function(...)
            local args = pack(...)
            log[#log + 1] = show(args, args.n)
            if mode == 1 then return (...) and tostring((...)) .. "!" end
            if mode == 2 then return nil end
            if mode == 3 then return false end
            if mode == 4 then return args.n end
            if mode == 5 then return {} end
            return select(args.n, ...)
          end
        end
        local table_replacement = { a = "A", b = false, [" "] = "_", ["1"] = 1.5, ["("] = {}, aa = "AA" }

        local function gen_init()
          local r = random()
          if r < 0.4 then return nil end
          if r < 0.9 then return random(-15, 15) end
          return pick({ 0, 1.0, "2", math.mininteger, math.maxinteger })
        end

        local mismatches = {}
        local seen = {} -- stock's error messages, digits and positions folded, to prove the generator reaches them
        local function note(stock)
          local message = stock:match("^error: [^:]*:%d+: (.*)$") or stock:match("^error: (.*)$")
          if message then seen[(message:gsub("%d+", "N"))] = true end
        end
        local function check(what, f, ...)
          log = {}
          local mine = outcome(f, string, ...)
          local mine_log = concat(log, "; ")
          log = {}
          local stock = outcome(f, stock_string, ...)
          local stock_log = concat(log, "; ")
          note(stock)
          if mine ~= stock or mine_log ~= stock_log then
            if #mismatches < 10 then
              local args = pack(...)
              mismatches[#mismatches + 1] = string.format("%s(%s)\n  limber: %s [%s]\n  stock:  %s [%s]",
                what, show(args, args.n), mine, mine_log, stock, stock_log)
            end
            return false
          end
          return true
        end

        local bad_arguments = {
          { "find", call_find, nil, "a" }, { "find", call_find, "a", nil }, { "find", call_find, "a", {} },
          { "find", call_find, "a", "a", "x" }, { "find", call_find, "a", "a", 1.5 }, { "find", call_find, 12.5, "%." },
          { "find", call_find, "abc", 2, 1 }, { "match", call_match, "a" }, { "match", call_match, {}, "a" },
          { "gsub", call_gsub, "a", "a" }, { "gsub", call_gsub, "a", "a", true }, { "gsub", call_gsub, "a", "a", "x", "y" },
          { "gsub", call_gsub, "a", "a", nil, "y" }, { "gsub", call_gsub, 123, "2", "x", 1.5 }, { "gsub", call_gsub, 10, 0, 1 },
          { "gmatch", call_gmatch, nil, "a" }, { "gmatch", call_gmatch, "a", nil }, { "gmatch", call_gmatch, "a", "a", "z" },
          { "find", call_find }, { "gsub", call_gsub, "abc", "%w", setmetatable({}, { __index = function(_, k) return k:upper() end }) },
        }
        for _, case in ipairs(bad_arguments) do check(case[1], case[2], unpack(case, 3, 6)) end

        local run = 0
        for _ = 1, cases do
          run = run + 1
          local s, p = gen_subject(), gen_pattern()
          if random() < 0.03 then -- long subjects and long patterns: the depth and capture limits
            s = rep(pick({ "a", "ab", "a b" }), random(50, 260))
            p = rep(pick({ "a?", "a*", ".-", "(a)", "()", "a", "(" }), random(20, 260))
          end
          check("find", call_find, s, p, gen_init())
          check("find", call_find, s, p, gen_init(), random() < 0.7)
          check("match", call_match, s, p, gen_init())
          check("gmatch", call_gmatch, s, p, gen_init())
          if random() < 0.2 then check("gmatch", call_gmatch_direct, s, p) end
          local kind = random()
          local repl
          if kind < 0.6 then repl = gen_string_replacement()
          elseif kind < 0.8 then repl = table_replacement
          else repl = make_function_replacement(random(0, 5)) end
          local n = random() < 0.7 and nil or random(-1, 4)
          check("gsub", call_gsub, s, p, repl, n)
        end
        local kinds = {}
        for message in pairs(seen) do kinds[#kinds + 1] = message end
        table.sort(kinds)
        return run, #mismatches, concat(mismatches, "\n"), concat(kinds, "\n")
        """#
}
