"""The tool's own words, in Japanese (default) and English (`--lang en`)."""

from __future__ import annotations

MESSAGES = {
    "ja": {
        "error": "エラー",
        "warning": "警告",
        "info": "情報",
        "suggestion": "言い換え例",
        "clause": "ガイドライン",
        "summary": "{files} 件の下書きを確認: エラー {error} 件、警告 {warning} 件、情報 {info} 件",
        "clean": "{files} 件の下書きを確認: 問題は見つかりませんでした",
        "problems": "{count} 件の入力エラー",
        "not_found": "ファイルが見つかりません",
        "unknown": "不明なルールまたは条項です: {what}",
        "rule_header": "ID\t重要度\t条項\tカテゴリ\t名前",
        "rule": "ルール",
        "message": "メッセージ (例の下書きでは)",
        "examples_invalid": "違反の例",
        "examples_valid": "問題のない例",
        "stat_rules": "ルール別",
        "stat_clauses": "条項別",
        "fixed": "{count} 件を修正しました ({files} ファイル)",
        "fixable": "{count} 件は --fix で自動修正できます",
        "score_target": "目標",
        "score_one": "読みやすさ (jReadability): {score}（{band}、目標 {target}）",
        "score_many": "読みやすさ (jReadability): 平均 {mean}、最も低いのは {path} の {score}（{band}）、"
        "目標を下回る下書き {below} 件",
        "stat_readability": "読みやすさ",
        "images_fixed": "{files} 枚の画像から位置情報などを削除しました (画質はそのまま)",
        "baseline_written": "{count} 件の指摘を {path} に記録しました",
        "progress": "確認中",
        "config_source": "設定ファイル",
        "config_none": "(なし: 既定値)",
        "no_drafts": "{paths} に下書き ({kinds}) が見つかりません。フォルダーかファイルの指定を確認してください",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "info": "info",
        "suggestion": "suggestion",
        "clause": "guideline",
        "summary": "{files} draft(s) checked: {error} error(s), {warning} warning(s), {info} info",
        "clean": "{files} draft(s) checked: no problems found",
        "problems": "{count} input error(s)",
        "not_found": "file not found",
        "unknown": "no rule or clause called {what}",
        "rule_header": "ID\tseverity\tclause\tcategory\tname",
        "rule": "rule",
        "message": "message (on the first example)",
        "examples_invalid": "fires on",
        "examples_valid": "stays quiet on",
        "stat_rules": "by rule",
        "stat_clauses": "by clause",
        "fixed": "fixed {count} finding(s) in {files} file(s)",
        "fixable": "{count} finding(s) can be fixed with --fix",
        "score_target": "target",
        "score_one": "Plain-Japanese score (jReadability): {score} ({band}; target {target})",
        "score_many": "Plain-Japanese score (jReadability): mean {mean}, lowest {score} ({band}) in {path}, "
        "{below} draft(s) under target",
        "stat_readability": "plain-Japanese score",
        "images_fixed": "removed the position and the like from {files} image(s) (pixels unchanged)",
        "baseline_written": "recorded {count} finding(s) in {path}",
        "progress": "checking",
        "config_source": "configuration file",
        "config_none": "(none: defaults)",
        "no_drafts": "no drafts ({kinds}) found in {paths}; check the folder or file given",
    },
}


def t(lang: str, key: str, **fields: object) -> str:
    table = MESSAGES.get(lang, MESSAGES["ja"])
    return table[key].format(**fields)
