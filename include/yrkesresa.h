/**
 * @file yrkesresa.h
 * @brief libyrkesresa: the money and numbers of Yrkesresan. Umbrella header.
 *
 * Include this one header; it pulls in every capability:
 * split (yrkesresa/split.h), audit (yrkesresa/audit.h), trainer pot (yrkesresa/pot.h),
 * participation statistics (yrkesresa/stats.h), fractions and percentages
 * (yrkesresa/number.h), labels (yrkesresa/labels.h), multi-item tables and two-level splits
 * (yrkesresa/table.h), version (yrkesresa/version.h).
 * The library does no I/O, keeps no global mutable state and is reentrant.
 */
#ifndef YRKESRESA_H
#define YRKESRESA_H

#include "yrkesresa/common.h"
#include "yrkesresa/version.h"
#include "yrkesresa/split.h"
#include "yrkesresa/audit.h"
#include "yrkesresa/pot.h"
#include "yrkesresa/stats.h"
#include "yrkesresa/number.h"
#include "yrkesresa/labels.h"
#include "yrkesresa/table.h"
#include "yrkesresa/cycle.h"

#endif
