-- KEYS: the list. ARGV: the message's JSON, the cutoff as yyyy-MM-ddTHH:mm:ss (UTC).
-- Appends, then pops the head while it was left before the cutoff. Comparing the first 19 characters of
-- Instant#toString() (fixed width, whatever the fraction) is exact to the second, plenty for a retention of days.
redis.call('RPUSH', KEYS[1], ARGV[1])
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head or string.sub(cjson.decode(head).at, 1, 19) >= ARGV[2] then break end
  redis.call('LPOP', KEYS[1])
end
return 1
