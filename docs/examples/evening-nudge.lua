-- evening-nudge.lua: on weekday evenings, a nudge to stretch unless you already have.
limber.reminder{
  id = "evening-nudge",
  schedule = "weekdays 18:30",
  -- Deliver until 20:30; a reminder nobody saw by then is dropped, not shown the next morning.
  window = 2 * 3600,
  due = function(ctx)
    return #limber.log.sessions{ since = ctx.today, activity = "mobility" } == 0
  end,
  message = function()
    local streak = limber.log.streak().current
    if streak > 0 then
      return "Ten minutes of stretching keeps your " .. streak .. "-day streak going."
    end
    return "Ten minutes of stretching tonight?"
  end,
}
