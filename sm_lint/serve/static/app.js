// The page of `sm-lint serve`: sends the draft to the local server after each pause in
// typing and shows what it found. No library, no request to anywhere but this server.
"use strict";

const WORDS = {
  ja: {
    title: "SNS 投稿の下書きを確認", editor: "下書き", open: "ファイルを開く", platform: "投稿先",
    account: "アカウント", unset: "(指定なし)", draft: "下書き (貼り付けるか入力してください)",
    filename: "ファイル名", save: ".md で保存", copy: "投稿する文をコピー", findings: "指摘",
    switchTo: "English", clean: "問題は見つかりませんでした",
    summary: (e, w, i) => `エラー ${e} 件、警告 ${w} 件、情報 ${i} 件`,
    where: (line, column) => `${line} 行 ${column} 文字目`, guideline: "ガイドライン",
    showClause: "条文を表示", hideClause: "条文を閉じる", suggestion: "言い換え例",
    apply: (fix) => `「${fix}」に置き換える`, go: "下書きのこの箇所へ",
    measures: { "x-weighted": "X 換算の文字数", characters: "文字数", utf16: "文字数 (UTF-16)", bytes: "バイト数",
                hashtags: "ハッシュタグ" },
    perBubble: "(吹き出しごと、最長)",
    readability: (score, band, target) => `読みやすさ ${score} (${band}、目安 ${target} 以上)`,
    copied: "コピーしました", notCopied: "コピーできませんでした。文を選んでコピーしてください",
    offline: "確認用のサーバーに接続できません。sm-lint serve を起動し直してください",
    applied: (fix) => `「${fix}」に置き換えました`,
    attach: "画像・動画を添付", mediaFile: "ファイル", alt: "代替テキスト (画像の説明)",
    people: "写っている人", consent: "本人の同意", add: "下書きに追加",
    peopleChoices: { none: "写っていない", crowd: "群衆 (個人は特定できない)", identifiable: "個人が特定できる" },
    consentChoices: { obtained: "同意を得た", "not-required": "不要", pending: "確認中", none: "得ていない" },
    attached: (name) => `${name} を front matter に追加しました`,
  },
  en: {
    title: "Check a draft post", editor: "Draft", open: "Open a file", platform: "Platform",
    account: "Account", unset: "(none)", draft: "Draft (paste or type it)",
    filename: "File name", save: "Save as .md", copy: "Copy the text to post", findings: "Findings",
    switchTo: "日本語", clean: "No problems found",
    summary: (e, w, i) => `${e} error(s), ${w} warning(s), ${i} info`,
    where: (line, column) => `line ${line}, column ${column}`, guideline: "Guideline",
    showClause: "Show the clause", hideClause: "Hide the clause", suggestion: "Suggestion",
    apply: (fix) => `Replace with “${fix}”`, go: "Go to this place in the draft",
    measures: { "x-weighted": "X weighted length", characters: "characters", utf16: "characters (UTF-16)",
                bytes: "bytes", hashtags: "hashtags" },
    perBubble: "(per speech bubble, the longest)",
    readability: (score, band, target) => `plain-Japanese score ${score} (${band}; target ${target} or more)`,
    copied: "Copied", notCopied: "Could not copy: select the text and copy it",
    offline: "Cannot reach the checking server: start sm-lint serve again",
    applied: (fix) => `Replaced with “${fix}”`,
    attach: "Attach an image or video", mediaFile: "File", alt: "Alt text (what it shows)",
    people: "People in it", consent: "Their consent", add: "Add to the draft",
    peopleChoices: { none: "none", crowd: "a crowd (no one identifiable)", identifiable: "identifiable people" },
    consentChoices: { obtained: "obtained", "not-required": "not required", pending: "pending", none: "none" },
    attached: (name) => `Added ${name} to the front matter`,
  },
};
const RANK = { info: 0, warning: 1, error: 2 };
const PAUSE_MS = 300; // a check after each pause in typing, not on every key

const $ = (id) => document.getElementById(id);
const draft = $("draft"), mirror = $("mirror");
let lang = "ja", setup = null, last = null, timer = null, inFlight = null, sequence = 0;

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  if (body !== undefined && path === "api/check") {
    if (inFlight) inFlight.abort(); // an older check of an older text is of no use
    inFlight = new AbortController();
    options.signal = inFlight.signal;
  }
  const response = await fetch(path, options); // relative: below this run's secret path
  if (!response.ok) throw new Error(await response.text());
  return response.json();
}

function words() { return WORDS[lang]; }

function translate() {
  document.documentElement.lang = lang;
  document.title = `sm-lint ${words().title}`;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = words()[element.dataset.i18n];
  }
  $("lang").textContent = words().switchTo;
  for (const [id, choices] of [["people", "peopleChoices"], ["consent", "consentChoices"]]) {
    for (const option of $(id).options) option.textContent = words()[choices][option.value] ?? words().unset;
  }
  $("lang").lang = lang === "ja" ? "en" : "ja";
}

function grow() {
  draft.style.height = "auto";
  draft.style.height = `${draft.scrollHeight + 2}px`;
}

// The mirror holds the same text as the box; each finding's span is a <mark>. Findings that
// overlap an earlier one are marked from where the earlier ends.
function paint(findings) {
  const text = draft.value;
  const spans = findings
    .filter((f) => f.end > f.start && text.slice(f.start, f.end) === f.match)
    .sort((a, b) => a.start - b.start || RANK[b.severity] - RANK[a.severity]);
  mirror.textContent = "";
  let position = 0;
  for (const f of spans) {
    if (f.end <= position) continue;
    const start = Math.max(f.start, position);
    mirror.append(text.slice(position, start));
    const mark = document.createElement("mark");
    mark.className = f.severity;
    mark.dataset.rule = f.rule;
    mark.textContent = text.slice(start, f.end);
    mirror.append(mark);
    position = f.end;
  }
  mirror.append(`${text.slice(position)}\n`); // a final empty line keeps its height
}

function changed() {
  grow();
  paint(last ? last.findings : []); // marks still in place stay until the check answers
  clearTimeout(timer);
  timer = setTimeout(check, PAUSE_MS);
}

async function check() {
  clearTimeout(timer);
  const text = draft.value, mine = ++sequence;
  let result;
  try {
    result = await api("api/check", { text, lang });
  } catch (error) {
    if (error.name === "AbortError") return;
    showProblem(words().offline);
    return;
  }
  if (mine !== sequence) return;
  last = { ...result, text };
  render();
}

function showProblem(message) {
  $("problem").hidden = !message;
  $("problem").textContent = message || "";
}

function render() {
  showProblem(last.error);
  // What `sm-lint lint` says beside the findings: rules the configuration turns off (a clean
  // page must not pass for a full check), the rule cache's notices.
  $("notice").hidden = !last.notice;
  $("notice").textContent = last.notice || "";
  paint(last.findings);
  renderCounts(last.meters, last.readability);
  renderList(last.findings);
  const count = (s) => last.findings.filter((f) => f.severity === s).length;
  $("summary").textContent = last.error ? "" : last.findings.length
    ? words().summary(count("error"), count("warning"), count("info")) : words().clean;
  for (const key of ["platform", "account"]) {
    const select = $(key), value = last.meta[key] || "";
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  }
}

// The length as each of the platform's limits counts it, e.g. "X 換算の文字数 137 / 280", and
// the plain-Japanese score against the account's target (JP-E107), e.g. "読みやすさ 3.1 (…)".
function renderCounts(meters, plain) {
  const counts = $("counts");
  counts.textContent = "";
  meters.forEach((m, index) => {
    const over = m.limit !== null && m.count > m.limit;
    const label = `${words().measures[m.measure] || m.measure}${m.per ? ` ${words().perBubble}` : ""}`;
    const text = `${label} ${m.count.toLocaleString()}${m.limit !== null ? ` / ${m.limit.toLocaleString()}` : ""}`;
    if (index) counts.append(" ・ ");
    counts.append(element("span", over ? "over" : "", text));
  });
  if (plain) {
    counts.append(" ・ ", element("span", plain.score < plain.target ? "over" : "",
      words().readability(plain.score, plain.band, plain.target)));
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderList(findings) {
  const list = $("list");
  list.textContent = "";
  findings.forEach((f, index) => {
    const item = element("li", `item ${f.severity}`);
    const head = element("p");
    head.append(element("span", `badge ${f.severity}`, f.severity_label), " ",
      element("strong", "", f.rule), " ", element("span", "where", words().where(f.line, f.column)));
    item.append(head, element("p", "message", f.message));

    const clause = element("p", "clause", `${words().guideline} ${f.clause} ${f.clause_title} `);
    const toggle = element("button", "link", words().showClause);
    const clauseText = element("div", "clause-text");
    clauseText.id = `clause-${index}`;
    clauseText.hidden = true;
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", clauseText.id);
    toggle.addEventListener("click", () => showClause(f.clause, toggle, clauseText));
    clause.append(toggle);
    item.append(clause, clauseText);

    if (f.suggestion) {
      const suggest = element("p", "suggest", `${words().suggestion}: ${f.suggestion} `);
      if (f.fix !== null) {
        const apply = element("button", "quiet", words().apply(f.fix));
        apply.type = "button";
        apply.dataset.apply = f.rule;
        apply.addEventListener("click", () => applyFix(f));
        suggest.append(apply);
      }
      item.append(suggest);
    }
    const go = element("button", "link", words().go);
    go.type = "button";
    go.addEventListener("click", () => { draft.focus(); draft.setSelectionRange(f.start, f.end); });
    item.append(go);
    list.append(item);
  });
}

async function showClause(id, toggle, box) {
  const open = toggle.getAttribute("aria-expanded") === "true";
  if (!open && !box.textContent) {
    const clause = await api(`api/clause?id=${encodeURIComponent(id)}&lang=${lang}`);
    box.textContent = `${clause.id} ${clause.title}\n${clause.text}`;
  }
  box.hidden = open;
  toggle.setAttribute("aria-expanded", String(!open));
  toggle.textContent = open ? words().showClause : words().hideClause;
}

function applyFix(f) {
  const text = draft.value;
  if (text.slice(f.start, f.end) !== f.match) { check(); return; } // the text moved on
  draft.value = text.slice(0, f.start) + f.fix + text.slice(f.end);
  draft.focus();
  draft.setSelectionRange(f.start, f.start + f.fix.length);
  $("copied").textContent = words().applied(f.fix);
  grow();
  check();
}

async function writeFrontMatter(key, value) {
  const result = await api("api/front-matter", { text: draft.value, [key]: value ?? $(key).value, lang });
  showProblem(result.error);
  if (result.error) return;
  draft.value = result.text;
  grow();
  check();
}

// An image or video is checked as the command line checks it: by its entry in the front
// matter (path, alt, people, consent). The file stays in the browser; it is only shown.
async function attach() {
  const file = $("media").files[0];
  if (!file) { $("media").focus(); return; }
  const key = file.type.startsWith("video/") ? "videos" : "images";
  const entry = { path: file.name, alt: $("alt").value.trim(), people: $("people").value, consent: $("consent").value };
  await writeFrontMatter("media", { key, entry });
  const item = element("li");
  const preview = element(key === "videos" ? "video" : "img");
  preview.src = URL.createObjectURL(file);
  preview.alt = entry.alt;
  item.append(preview, element("div", "", file.name));
  $("thumbs").append(item);
  $("copied").textContent = words().attached(file.name);
  for (const id of ["media", "alt", "people", "consent"]) $(id).value = ""; // each file says its own
}

function save() {
  let name = $("filename").value.trim().replace(/[\\/:*?"<>|]/g, "_") || "draft.md";
  if (!/\.(md|markdown)$/i.test(name)) name += ".md";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([draft.value], { type: "text/markdown;charset=utf-8" }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function copyPlain() {
  if (!last || last.text !== draft.value) await check();
  const plain = last && last.plain !== null ? last.plain : "";
  try {
    await navigator.clipboard.writeText(plain);
    $("copied").textContent = words().copied;
  } catch {
    $("copied").textContent = words().notCopied;
  }
}

function openFile() {
  const file = $("open").files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    draft.value = reader.result;
    $("filename").value = file.name.replace(/\.txt$/i, ".md");
    changed();
    check();
  };
  reader.readAsText(file, "utf-8");
}

function fill(select, choices) {
  for (const [value, label] of choices) {
    const option = element("option", "", label);
    option.value = value;
    select.append(option);
  }
}

async function start() {
  setup = await api("api/setup");
  lang = setup.lang === "en" ? "en" : "ja";
  fill($("platform"), setup.platforms.map((p) => [p, p]));
  fill($("account"), setup.accounts.map((a) => [a.id, a.name === a.id ? a.id : `${a.name} (${a.id})`]));
  $("filename").value = setup.draft_name;
  // No choice made: the entry says nothing, and the check asks for it (JP-F102).
  fill($("people"), [["", ""], ...setup.media.people.map((p) => [p, p])]);
  fill($("consent"), [["", ""], ...setup.media.consent.map((c) => [c, c])]);
  translate();
  draft.addEventListener("input", changed);
  $("platform").addEventListener("change", () => writeFrontMatter("platform"));
  $("account").addEventListener("change", () => writeFrontMatter("account"));
  $("lang").addEventListener("click", () => { lang = lang === "ja" ? "en" : "ja"; translate(); check(); });
  $("save").addEventListener("click", save);
  $("attach").addEventListener("click", attach);
  $("copy").addEventListener("click", copyPlain);
  $("open").addEventListener("change", openFile);
  window.addEventListener("resize", grow);
  grow();
  check();
}

start().catch(() => showProblem(WORDS.ja.offline));
