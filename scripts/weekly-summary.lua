-- weekly-summary.lua: your last seven days of mobility and runs, as a short text that cron
-- mails to you.
--
--   limber run /path/to/limber/scripts/weekly-summary.lua [--quiet-if-empty]
--
-- In `crontab -e` (Monday 08:00; cron mails what it prints; the PATH and LIMBER_HOME or XDG
-- variables are those `limber cron print` shows):
--   MAILTO=you@example.org
--   0 8 * * 1 /usr/local/bin/limber run /path/to/limber/scripts/weekly-summary.lua
--
-- With --quiet-if-empty it prints nothing in a week with nothing logged (so no mail).
-- It reads the log through limber.log: sessions, sets and streak.

local quiet_if_empty = false
for _, a in ipairs(arg) do
  if a == "--quiet-if-empty" then
    quiet_if_empty = true
  else
    io.stderr:write("weekly-summary.lua: unknown argument '" .. a .. "' (expected --quiet-if-empty)\n")
    os.exit(2)
  end
end

local sessions = limber.log.sessions{ since = "7d" }
local sets = limber.log.sets{ since = "7d" }

if #sessions == 0 and quiet_if_empty then return end

local function minutes_of(session)
  if session.ended_at == nil then return 0 end
  return math.max(0, (session.ended_at - session.started_at) / 60)
end

local function duration(minutes)
  minutes = math.floor(minutes + 0.5)
  if minutes < 60 then return minutes .. " min" end
  return string.format("%d h %02d min", minutes // 60, minutes % 60)
end

local function plural(n, word)
  return n .. " " .. word .. (n == 1 and "" or "s")
end

-- Sessions and time, mobility and runs apart; the days with any mobility.
local mobility, runs = { count = 0, minutes = 0, early = 0 }, { count = 0, minutes = 0 }
local days, first_day, last_day = {}, nil, nil
for _, s in ipairs(sessions) do
  local bucket = s.activity == "run" and runs or mobility
  bucket.count = bucket.count + 1
  bucket.minutes = bucket.minutes + minutes_of(s)
  if s.activity ~= "run" then
    days[s.day] = true
    if s.outcome == "ended_early" then mobility.early = mobility.early + 1 end
  end
  if first_day == nil or s.day < first_day then first_day = s.day end
  if last_day == nil or s.day > last_day then last_day = s.day end
end
local day_count = 0
for _ in pairs(days) do day_count = day_count + 1 end

-- Runs with no mobility session after them on the same day.
local unstretched = 0
for _, run in ipairs(sessions) do
  if run.activity == "run" then
    local stretched = false
    for _, s in ipairs(sessions) do
      if s.activity ~= "run" and s.day == run.day and s.started_at >= run.started_at then stretched = true end
    end
    if not stretched then unstretched = unstretched + 1 end
  end
end

-- Exercises by sets, and discomfort.
local by_exercise, discomfort_sum, discomfort_n, discomfort_max = {}, 0, 0, nil
for _, set in ipairs(sets) do
  by_exercise[set.exercise] = (by_exercise[set.exercise] or 0) + 1
  if set.discomfort ~= nil then
    discomfort_sum = discomfort_sum + set.discomfort
    discomfort_n = discomfort_n + 1
    if discomfort_max == nil or set.discomfort > discomfort_max then discomfort_max = set.discomfort end
  end
end
local ranked = {}
for id, n in pairs(by_exercise) do ranked[#ranked + 1] = { id = id, n = n } end
table.sort(ranked, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.id < b.id end)

local lines = {}
local function say(text) lines[#lines + 1] = text end

say("limber: your last seven days" .. (first_day and (" (" .. first_day .. " to " .. last_day .. ")") or ""))
if #sessions == 0 then
  say("  Nothing logged. Ten minutes today counts: limber start runner-cooldown")
else
  say("  mobility: " .. plural(mobility.count, "session") .. ", " .. duration(mobility.minutes)
    .. " on " .. plural(day_count, "day") .. (mobility.early > 0 and (" (" .. mobility.early .. " ended early)") or ""))
  say("  runs:     " .. plural(runs.count, "run") .. ", " .. duration(runs.minutes)
    .. (unstretched > 0 and (", " .. unstretched .. " without a stretch after") or ""))
  if #ranked > 0 then
    local top = {}
    for i = 1, math.min(3, #ranked) do top[#top + 1] = ranked[i].id .. " (" .. plural(ranked[i].n, "set") .. ")" end
    say("  most practised: " .. table.concat(top, ", "))
  end
  if discomfort_n > 0 then
    say(string.format("  discomfort: average %.1f of 10, highest %d", discomfort_sum / discomfort_n, discomfort_max))
    if discomfort_max >= 7 then
      say("  Some sets were uncomfortable. Ease off; back pain that keeps coming back is worth a physio's look.")
    end
  end
end
local streak = limber.log.streak()
say("  streak: " .. plural(streak.current, "day") .. " (longest " .. plural(streak.longest, "day") .. ")")

print(table.concat(lines, "\n"))
