-- KEYS: the inbox hash, the last-seen sorted set. ARGV: every reason's name (space-separated), then the ids to forget.
local reasons = words(ARGV[1])
for i = 2, #ARGV do
  forget_wording(KEYS[1], KEYS[2], ARGV[i], reasons)
end
return 1
