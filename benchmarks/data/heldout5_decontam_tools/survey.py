from common import *
doc = {}; tst = {}
for n in range(164):
    p = item(n); e = p["entry_point"]
    doc[n] = extract_calls(p["prompt"].split('def ' + e, 1)[1], e)
    tst[n] = extract_calls(p["test"], "candidate")
print([n for n in range(164) if not doc[n]])
print([n for n in range(164) if not tst[n]])
json.dump({'doc': doc, 'tst': tst}, open('/tmp/survey_calls.json', 'w'))
