# New function names for code-evidence leaks that reuse the canonical solution under a different name.
NEWNAME = {41: "count_crashes", 78: "prime_hex_digits", 81: "gpa_to_letters", 84: "binary_digit_total",
 105: "name_sorted_digits", 112: "strip_and_check_pal", 122: "sum_small_leading", 142: "index_power_sum",
 143: "prime_length_words", 149: "drop_odd_len_sorted", 3: "goes_negative", 7: "keep_containing",
 11: "xor_bits", 13: "gcd2", 15: "spaced_range", 22: "only_ints", 23: "length_of", 27: "swap_letter_case",
 28: "glue_all", 29: "keep_starting_with", 30: "positives_only", 34: "sorted_distinct", 35: "biggest",
 42: "plus_one_each", 45: "half_base_height", 48: "reads_same_backwards", 53: "sum_two",
 55: "nth_fibonacci", 60: "triangular", 62: "poly_derivative", 96: "primes_below",
 100: "stone_levels", 106: "fact_or_sum"}
ARGMAP = {"numbers": "values", "string": "text", "l": "items", "lst": "seq", "arr": "data", "n": "num",
 "x": "val", "s": "word", "a": "first", "b": "second", "h": "height", "txt": "phrase", "strings": "words",
 "substring": "needle", "prefix": "start", "operations": "deltas", "grid": "wells", "capacity": "bucket",
 "delimeter": "sep", "text": "msg", "y": "other", "k": "count", "nums": "ints", "lst1": "left", "lst2": "right",
 "xs": "coeffs", "grades": "gpas", "N": "value", "sentence": "line", "c": "third", "decimal": "num",
 "dict": "mapping", "planet1": "p1", "planet2": "p2", "number": "amount", "value": "raw", "num": "digits_of"}
