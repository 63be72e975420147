#!/usr/bin/env python3
"""Pick the real news items annotated for tests/real, reproducibly.

Items come from ../shared/corpus/xwlb (read there, never copied). Seeds and filters
are fixed, so the same ids come out on every machine.

Batch 1 (40 items) favours items that name a local place together with a government
body or an enterprise, and keeps items short enough to annotate with care. Batch 2
(40 more, added when batch 1's halves had drifted apart) leans harder towards the
genre zhengqi is for: local places, bodies and firms together, and no leaders'
meetings in the headline. Batch 3 (40 more, added when the halves still stood 0.07 apart)
draws again from batch 2's pool with a new seed, so that error analysis has fresh items
and the held-out half grows. Batch 4 (40 more, added when the halves stood 0.08 apart
after three rounds of tuning) takes the next 40 of batch 3's shuffled pool, skipping
the 300 unlabelled items (`audited-ids.txt`) whose output was read while tuning, so
that batch 4 is blind to the rules as well as to the annotators. Batch 5 (40 more, added
when the halves still stood 0.07 / 0.10 apart) draws from batch 1's wider pool with a new
seed (batch 2's pool was used up), skipping a second set of 300 unlabelled items read while tuning (appended to
`audited-ids.txt`). Batch 6 (40 more, added when the halves stood 0.07 / 0.09 apart)
takes the next 40 of batch 5's shuffled pool (a third set of 300 unlabelled items read
while tuning in the round before was not recorded, so a few of batch 6 may have had
their output read, never their gold). The items whose output was read after batch 6
was drawn (300 audited items and a wide sample of 2,500) are listed in
`read-after-batch6.txt`; a later batch must skip them too, without changing the
draws above. Batch 7 (40 more, added when the halves stood 0.08 / 0.11 apart) takes the
next 40 of batch 5's shuffled pool after batch 6, skipping those; batch 8 (40 more,
added when the halves stood 0.07 / 0.10 apart) the 40 after batch 7; batches 9 and 10 (80
more, added when the halves stood 0.07 / 0.08 apart) the 80 after batch 8; batches 11 and
12 (80 more, added in the same round when the halves stood 0.06 / 0.06 apart) the 80 after
those (no unlabelled item's output was read between batch 8 and them either); batches 13
and 14 (80 more, added when the halves stood 0.04 / 0.05 apart) the 80 after batch 12; batches 15 and 16
(80 more, added when the halves stood 0.04 / 0.06 apart) the 80 after batch 14; batches 17 and 18
(80 more, added when the halves stood 0.04 / 0.06 apart again) the 80 after batch 16; batches 19
and 20 (80 more, added when the halves stood 0.05 / 0.06 apart) the 80 after batch 18; batches 21 and 22 (80 more, added when the halves stood 0.04 / 0.06 apart
again) the 80 after batch 20; batches 23 and 24 (80 more, added when the halves stood
0.04 / 0.05 apart) the 80 after batch 22; batches 25 and 26 (80 more, added when the halves
stood 0.04 / 0.05 apart again) the 80 after batch 24; batches 27 and 28 (80 more, added
when the halves stood 0.04 / 0.05 apart once more) the 80 after batch 26; batches 29 and
30 (80 more, added when the halves stood 0.04 / 0.05 apart again) the 80 after batch 28;
batches 31 and 32 (80 more, added when the halves stood 0.04 / 0.04 apart) the 80 after
batch 30; batches 33 and 34 (80 more, added when the halves stood 0.03 / 0.04 apart) the
80 after batch 32; batches 35 and 36 (80 more, added when the halves stood 0.03 / 0.05
apart) the 80 after batch 34; batches 37 and 38 (80 more, added when the halves stood
0.03 / 0.05 apart again) the 80 after batch 36; batches 39 and 40 (80 more, added when the
halves stood 0.03 / 0.06 apart) the 80 after batch 38; batches 41 and 42 (80 more, added
when the halves stood 0.03 / 0.06 apart again) the 80 after batch 40; batches 43 and 44
(80 more, added when the halves stood 0.04 / 0.06 apart) the 80 after batch 42; batches 45 and
46 (80 more, added when the halves stood 0.03 / 0.06 apart) the 80 after batch 44; batches 47
and 48 (80 more, added when the halves stood 0.03 / 0.05 apart) the 80 after batch 46;
batches 49 and 50 (80 more, added when the halves stood 0.03 / 0.05 apart) the 80 after batch 48;
batches 51 and 52 (80 more, added when the halves stood 0.03 / 0.05 apart) the 80 after batch 50. No
unlabelled item's output was read between batch 8 and them beyond `read-after-batch6.txt`. In each batch the first 20 are the tuning half and the
last 20 the held-out half.
"""
import json, os, random, re, sys

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/xwlb/xwlb-2012-2024.jsonl"
LOCAL = re.compile(r"[\u4e00-\u9fff]{1,4}(?:省|市|县|区|镇|乡|街道)")
BODY = re.compile(r"(?:局|委|政府|公司|集团|银行|中心|协会|厅)")
FIRM = re.compile(r"(?:公司|集团|企业|银行|合作社|工厂|园区)")
LEADER = re.compile(r"(?:会见|会谈|习近平|李克强|温家宝|胡锦涛|张德江|总统|首相|总理)")

batch1, batch2 = [], []
with open(CORPUS, encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        text = d["text"]
        if "国内联播快讯" in d["title"] or not (300 <= len(text) <= 1400):
            continue
        local, body = len(LOCAL.findall(text)), len(BODY.findall(text))
        if local >= 3 and body >= 2:
            batch1.append(d["id"])
        if (local >= 3 and body >= 3 and len(FIRM.findall(text)) >= 3
                and not LEADER.search(d["title"])):
            batch2.append(d["id"])
random.Random(20261201).shuffle(batch1)
picked = batch1[:40]
random.Random(20261202).shuffle(batch2)
picked += [i for i in batch2 if i not in picked][:40]
rest = [i for i in batch2 if i not in picked]
random.Random(20261203).shuffle(rest)
picked += rest[:40]
audited = set(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "audited-ids.txt")).read().split())
picked += [i for i in rest[40:] if i not in audited][:40]
fresh = [i for i in batch1 if i not in picked and i not in audited]
random.Random(20261205).shuffle(fresh)
picked += fresh[:40]
picked += fresh[40:80]
later = set(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "read-after-batch6.txt")).read().split())
picked += [i for i in fresh[80:] if i not in later][:1840]
for i, id_ in enumerate(picked):
    print(("tune" if i % 40 < 20 else "heldout"), id_)
