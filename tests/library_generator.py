"""Law-like Chinese documents generated from the bundled corpus, for tests and benchmarks at corpus scale.

A public law corpus cannot be downloaded here, so documents are made of the bundled regulations'
material, recombined so that the library's text (and so its search index) looks like thousands of
different laws rather than ten laws repeated: each document has its own title, place, dates and article
numbering; its articles are clauses drawn from the corpus's articles and recombined; places and numbers
are replaced; and about one two-character span in forty is replaced by a CC-CEDICT word, which gives the
long tail of rare words and character pairs a real corpus has. Lengths follow a long-tailed distribution
like real laws' (median about 2,500 characters, mean about 3,500; from 300 to 40,000). Everything is
seeded: the same arguments give the same documents.
"""

from __future__ import annotations

import gzip
import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policyreader.core.dictionary import cedict_path
from policyreader.core.document import parse_source

CORPUS = Path(__file__).resolve().parents[1] / "docs_corpus"

PLACES = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
          "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
          "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区",
          "新疆维吾尔自治区", "南京市", "杭州市", "宁波市", "厦门市", "青岛市", "武汉市", "广州市", "深圳市", "成都市",
          "西安市", "苏州市", "无锡市", "温州市", "台州市", "合肥市", "郑州市", "长沙市", "昆明市", "大连市"]
TOPICS = ["社会信用", "公共信用信息管理", "企业信息公示", "失信惩戒", "守信激励", "信用修复", "征信管理", "行政处罚信息公示",
          "市场主体登记", "政务诚信", "个人信息保护", "营商环境优化", "食品安全信用", "安全生产", "生态环境保护",
          "知识产权保护", "价格监督检查", "招标投标", "政府采购", "建筑市场", "医疗保障基金", "税收征收", "统计",
          "消费者权益保护", "电子商务", "住房公积金", "档案管理", "数据安全", "公共资源交易", "信用承诺"]
KINDS = ["条例", "办法", "规定", "实施细则", "暂行办法", "若干规定", "管理办法", "实施办法"]
NUMERALS = "〇一二三四五六七八九"
_PLACE_IN_TEXT = re.compile("|".join(sorted((re.escape(p) for p in PLACES), key=len, reverse=True)))
_ARTICLE = re.compile(r"^第[〇零一二三四五六七八九十百千两\d]+条\s*")
_CLAUSE = re.compile(r"(?<=[，；。：])")
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")


@dataclass(frozen=True)
class GeneratedDocument:
    """One generated law: a file name and its text (a title line, a promulgation line, chapters and articles)."""

    name: str
    text: str


def cn_number(n: int) -> str:
    """Chinese numerals as laws write article numbers: 十二, 一百零五."""
    if n < 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + (NUMERALS[n - 10] if n > 10 else "")
    if n < 100:
        return NUMERALS[n // 10] + "十" + (NUMERALS[n % 10] if n % 10 else "")
    rest = n % 100
    return NUMERALS[n // 100] + "百" + ("" if rest == 0 else "零" + NUMERALS[rest] if rest < 10 else
                                        "一" + cn_number(rest) if rest < 20 else cn_number(rest))


@lru_cache(maxsize=1)
def _material() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The corpus's article clauses (with their punctuation) and its other body paragraphs."""
    clauses: list[str] = []
    paragraphs: list[str] = []
    for path in sorted(CORPUS.glob("*.zh.txt")):
        for p in parse_source(path.read_text(encoding="utf-8")).paragraphs:
            if p.level:
                continue
            body = _ARTICLE.sub("", p.text)
            if len(body) < 8:
                continue
            paragraphs.append(body)
            clauses.extend(c for c in _CLAUSE.split(body) if len(c) >= 4)
    return tuple(clauses), tuple(paragraphs)


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    """Two-character simplified CC-CEDICT headwords of Han characters only."""
    out = set()
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            simplified = line.split(" ", 2)[1]
            if _HAN2.fullmatch(simplified):
                out.add(simplified)
    return tuple(sorted(out))


def _vary(text: str, rng: random.Random, place: str) -> str:
    text = _PLACE_IN_TEXT.sub(lambda _m: place if rng.random() < 0.7 else rng.choice(PLACES), text)
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group(0)) - 1)), text)
    words = _words()
    chars = list(text)
    spans = [m.start() for m in _HAN2.finditer(text)]
    for _ in range(len(text) // 40 + (rng.random() < (len(text) % 40) / 40) if spans else 0):
        at = rng.choice(spans)
        chars[at:at + 2] = rng.choice(words)
    return "".join(chars)


def _length(rng: random.Random) -> int:
    """A law's length in characters: log-normal, median 2,500, clipped to 300–40,000."""
    return int(min(40_000, max(300, math.exp(rng.gauss(math.log(2_500), 0.8)))))


def generate(count: int, seed: int = 17) -> Iterator[GeneratedDocument]:
    """*count* law-like documents, deterministic for a seed."""
    clauses, paragraphs = _material()
    rng = random.Random(seed)
    for n in range(count):
        place = rng.choice(PLACES)
        title = f"{place}{rng.choice(TOPICS)}{rng.choice(KINDS)}"
        year = rng.randint(1995, 2025)
        lines = [title, "", f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日{place}第{cn_number(rng.randint(8, 14))}届"
                 f"人民代表大会常务委员会第{cn_number(rng.randint(1, 40))}次会议通过", ""]
        target = _length(rng)
        size = sum(len(x) for x in lines)
        chapters = rng.random() < 0.6
        chapter = article = 0
        while size < target:
            if chapters and (article == 0 or rng.random() < 0.12):
                chapter += 1
                heading = f"## 第{cn_number(chapter)}章 {rng.choice(TOPICS)}" if chapter > 1 else "## 第一章 总则"
                lines += [heading, ""]
            article += 1
            for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
                if rng.random() < 0.3:
                    body = rng.choice(paragraphs)
                else:
                    body = "".join(rng.choice(clauses) for _ in range(rng.randint(1, 5)))
                    body = body[:-1] + "。" if body[-1] in "，；：" else body
                body = _vary(body, rng, place)
                lines += [(f"第{cn_number(article)}条 " if k == 0 else "") + body, ""]
                size += len(body) + 6
        lines.append(f"第{cn_number(article + 1)}条 本{title[-2:]}自{year}年{rng.randint(1, 12)}月1日起施行。")
        yield GeneratedDocument(f"law{n:05d}.txt", "\n".join(lines) + "\n")


def write(folder: Path, count: int, seed: int = 17, per_folder: int = 500) -> list[Path]:
    """Write *count* generated documents as UTF-8 files, *per_folder* to a sub-folder; their paths in order."""
    paths = []
    for i, doc in enumerate(generate(count, seed)):
        sub = folder / f"batch{i // per_folder:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths
