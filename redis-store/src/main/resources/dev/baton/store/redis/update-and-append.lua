-- The compare-and-set and, if it wrote, the append: a bot turn in one round trip. An answer to a message that
-- already has one changes nothing and returns that answer; a message written with a stale id changes nothing and
-- returns '#' and the last id; else '0' or '-1' when nothing was written, or what the append returns.
local repeated = earlier()
if repeated then return repeated end
local stale = stale_id()
if stale then return stale end
local outcome = compare_and_set()
if outcome ~= 1 then return tostring(outcome) end
return append()
