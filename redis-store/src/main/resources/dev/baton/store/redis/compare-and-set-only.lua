-- The compare-and-set alone; returns its outcome as a string ('1', '0', '-1').
return tostring(compare_and_set())
