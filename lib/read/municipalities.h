/* The built-in list of Sweden's municipalities, counties and the nation (private to
 * libyrkesresa-read). municipalities.c is generated from data/sweden/municipalities.csv by
 * scripts/gen-municipalities.py, which also computes every form's key (the name key of
 * yrkesresa/identity.h) and places the forms in an open-addressing hash table with the hash
 * below; identity.c looks keys up. Nothing here is mutable. */
#ifndef YRKESRESA_READ_MUNICIPALITIES_H
#define YRKESRESA_READ_MUNICIPALITIES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define YRR_MUNICIPALITIES 290
#define YRR_COUNTIES 21
/* Every form's key is shorter than this many bytes (the generator checks). */
#define YRR_FORM_KEY_MAX 48
/* Slots of the hash table of forms: a power of two, at most half full (the generator checks). */
#define YRR_FORM_SLOTS 4096
/* The largest county code (county codes are 1..25, with gaps). */
#define YRR_COUNTY_CODE_MAX 25

/* A municipality: SCB code (0114 -> 114), county code, official name (UTF-8, NFC). */
typedef struct yrr_municipality {
    int16_t code;
    int8_t county;
    const char *name;
} yrr_municipality;

/* A county: code, official name ("Dalarnas län"), and the key of its short name ("dalarna",
 * accepted only after the county's code: `20 Dalarna`). */
typedef struct yrr_county {
    int8_t code;
    const char *name;
    const char *short_key;
} yrr_county;

/* One accepted form of a place: its key (the name key), the place (yr_place) and SCB code. */
typedef struct yrr_form {
    const char *key;
    uint8_t len;
    uint8_t place;
    int16_t code;
} yrr_form;

/* In code order. */
extern const yrr_municipality yrr_municipalities[YRR_MUNICIPALITIES];
/* In code order. */
extern const yrr_county yrr_counties[YRR_COUNTIES];
/* Index into yrr_counties by county code, -1 where there is no county. */
extern const int8_t yrr_county_index[YRR_COUNTY_CODE_MAX + 1];
/* Every form of every place, municipalities first (in code order), then counties, the nation. */
extern const yrr_form yrr_forms[];
extern const size_t yrr_nforms;
/* The hash table: 1 + the index of a form in yrr_forms, 0 for an empty slot; a key's probe
 * sequence starts at yrr_hash(key) % YRR_FORM_SLOTS and goes up by one (wrapping). */
extern const uint16_t yrr_form_slots[YRR_FORM_SLOTS];

/* The hash of s[0..len), eight bytes a step: h starts at len * K; for each little-endian word of
 * eight bytes (the last padded with zero bytes), h = (h ^ word) * K, then h ^= h >> 32; the low
 * 32 bits of h (K = 0x9E3779B97F4A7C15, arithmetic modulo 2^64). The generator computes the
 * same. */
static inline uint32_t yrr_hash(const char *s, size_t len)
{
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    uint64_t h = (uint64_t)len * k;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w = 0;
        size_t r = len - i < 8 ? len - i : 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (r == 8) {
            memcpy(&w, s + i, 8); /* the same word in one load (a fixed size: no call) */
            r = 0;
        }
#endif
        for (size_t j = 0; j < r; j++)
            w |= (uint64_t)(unsigned char)s[i + j] << (8 * j);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    return (uint32_t)h;
}

#endif
