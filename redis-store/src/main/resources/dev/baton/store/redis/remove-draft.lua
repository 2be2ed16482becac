-- KEYS: draft. ARGV: id, revision. Removes the draft if it is still that revision of that draft.
if redis.call('HGET', KEYS[1], 'id') == ARGV[1] and redis.call('HGET', KEYS[1], 'revision') == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
