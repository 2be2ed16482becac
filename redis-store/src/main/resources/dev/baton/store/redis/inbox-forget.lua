-- Shared by the inbox's scripts: forgets one wording, its fields in the inbox hash and its place in last-seen.
-- reasons: the names of every reason, whose counters the wording may have.
local function forget_wording(inbox, last_seen, id, reasons)
  redis.call('ZREM', last_seen, id)
  local fields = { id .. ':latest', id .. ':first', id .. ':count', id .. ':conversations' }
  for _, reason in ipairs(reasons) do
    fields[#fields + 1] = id .. ':reason:' .. reason
  end
  redis.call('HDEL', inbox, unpack(fields))
end

local function words(text)
  local each = {}
  for word in string.gmatch(text, '%S+') do
    each[#each + 1] = word
  end
  return each
end
