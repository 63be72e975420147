#!/usr/bin/env python3
"""Pick the real news items annotated for tests/real, reproducibly.

Items come from ../shared/corpus/xwlb (read there, never copied). The pick favours
items that name a local place together with a government body or an enterprise,
the genre zhengqi is for, and keeps items short enough to annotate with care.
Seed and filters are fixed, so the same 40 ids come out on every machine; the
first 20 are the tuning half, the last 20 the held-out half.
"""
import json, random, re, sys

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/xwlb/xwlb-2012-2024.jsonl"
LOCAL = re.compile(r"[\u4e00-\u9fff]{1,4}(?:省|市|县|区|镇|乡|街道)")
BODY = re.compile(r"(?:局|委|政府|公司|集团|银行|中心|协会|厅)")
items = []
with open(CORPUS, encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        text = d["text"]
        if "国内联播快讯" in d["title"] or not (300 <= len(text) <= 1400):
            continue
        if len(LOCAL.findall(text)) >= 3 and len(BODY.findall(text)) >= 2:
            items.append(d["id"])
random.Random(20261201).shuffle(items)
for i, id_ in enumerate(items[:40]):
    print(("tune" if i < 20 else "heldout"), id_)
