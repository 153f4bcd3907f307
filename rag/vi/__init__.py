"""Vietnamese text: normalisation, numbers, periods and years, the domain lexicon."""
