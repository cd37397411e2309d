"""Check digits of Japanese and international identification numbers (domain-notes §3)."""

from __future__ import annotations


def my_number_valid(number: str) -> bool:
    """個人番号: 12 digits, the last one per 総務省令第85号 第5条 (weights 2..7,2..6 from the right)."""
    if len(number) != 12 or not number.isdigit():
        return False
    base = number[:11][::-1]
    total = sum(int(d) * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(base, start=1))
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return int(number[11]) == check


def luhn_valid(number: str) -> bool:
    """ISO/IEC 7812-1 Luhn: doubling every second digit from the right sums to 0 mod 10."""
    if not number.isdigit() or len(number) < 2:
        return False
    total = 0
    for i, d in enumerate(reversed(number)):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


CHECKSUMS = {"my-number": my_number_valid, "luhn": luhn_valid}
