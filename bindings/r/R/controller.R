# The controller functions of 0.3 (issue 22) under the C library's names: yr_split_table_mixed,
# yr_rate_item, yr_audit_table, yr_statement_items, yr_is_bank_day, yr_due_date_bank,
# yr_share_text, yr_percent_text, yr_quota_text. Every rule, number and sentence is the C
# library's; this file converts arguments and results (see man/yr_controller.Rd).

# One exact fraction per item: NULL or "-" is `absent`, one value applies to every item, else
# one per item (text "30 %" / "2,28" or a double 0.3, read by yr_fraction); an error names
# what[j].
.yr_per_item <- function(x, n, what, absent, call) {
  if (is.null(x)) {
    return(matrix(absent, nrow = n, ncol = 2, byrow = TRUE))
  }
  if (length(x) == 1L) x <- rep(x, n)
  if (length(x) != n) {
    .yr_input_error(sprintf("%s has %d values for %d items", what, length(x), n), call, what)
  }
  out <- matrix(0, nrow = n, ncol = 2)
  for (j in seq_len(n)) {
    v <- x[[j]]
    out[j, ] <- if (is.na(v) || identical(v, "-")) absent else {
      tryCatch(yr_fraction(v), yrkesresa_error = function(e) {
        .yr_input_error(sprintf("%s[%d] = %s: %s", what, j, format(v), conditionMessage(e)),
                        call, what, j)
      })
    }
  }
  out
}

# The items as C reads them: total, equal part, rate.
.yr_items <- function(totals, equal_parts, rates, call) {
  n <- length(totals)
  eq <- .yr_per_item(equal_parts, n, "equal_parts", c(0, 1), call)
  rt <- .yr_per_item(rates, n, "rates", c(0, 0), call)
  data.frame(total = as.double(totals), equal_num = eq[, 1], equal_den = eq[, 2],
             rate_num = rt[, 1], rate_den = rt[, 2])
}

yr_split_table_mixed <- function(totals, equal_parts, weights) {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  eq <- .yr_per_item(equal_parts, length(totals), "equal_parts", c(0, 1), call)
  m <- tryCatch(
    c_yr_split_table_mixed_where(list(totals = totals, equal_num = eq[, 1], equal_den = eq[, 2]), w),
    yrkesresa_error = function(e) {
      if (identical(e$what, "equal_part") && e$column > 0) { # the argument as the user wrote it
        j <- e$column
        e$message <- sprintf("equal_parts[%d] = %s: %s", j,
                             format(if (length(equal_parts) == 1L) equal_parts else equal_parts[[j]]),
                             conditionMessage(e))
        e$what <- "equal_parts"
      }
      stop(e)
    }
  )
  df <- as.data.frame(m)
  names(df) <- if (!is.null(names(totals))) names(totals) else paste0("item", seq_along(totals))
  .yr_labelled(df, names(w))
}

yr_rate_item <- function(rate, weights) {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  r <- if (is.character(rate)) yr_fraction(rate) else rate
  res <- c_yr_rate_item_where(unname(r), w)
  list(amounts = stats::setNames(res$out, names(w)), total = res$total)
}

yr_audit_table <- function(totals, weights, published, equal_parts = NULL, rates = NULL,
                           stated_total = NULL, fees = NULL, kickback = NULL, net = NULL) {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  res <- c_yr_audit_table_where(.yr_items(totals, equal_parts, rates, call), w,
                                as.matrix(published), stated_total, fees, kickback, net)
  s <- res$summary
  list(
    verdict = c_yr_table_verdict_text(s$verdict),
    counts = unlist(s[c("columns_off", "cells_off_quota", "rows_off_rule", "rows_not_lr",
                        "cells_differing", "rows_total_off", "rows_net_off")]),
    items = as.data.frame(res$item_out), rows = as.data.frame(res$rows),
    cells = as.data.frame(res$cells)
  )
}

yr_statement_items <- function(totals, weights, equal_parts = NULL, rates = NULL, year = NULL,
                               fees = NULL, kickback = NULL) {
  call <- sys.call()
  w <- if (is.matrix(weights)) weights else .yr_weights(weights, call)
  res <- c_yr_statement_items_where(list(.yr_items(totals, equal_parts, rates, call), year),
                                    w, fees, kickback)
  list(cells = res$cells, item_totals = res$item_totals, year_totals = res$year_totals,
       year_sums = res$year_sums, rows = as.data.frame(res$rows), sum = res$sum)
}

.yr_date_parts <- function(date, call) {
  d <- tryCatch(as.Date(date), error = function(e) NA)
  if (length(d) != 1L || is.na(d)) {
    .yr_input_error("date must be one Date or \"YYYY-MM-DD\"", call, "date")
  }
  as.numeric(strsplit(format(d, "%Y-%m-%d"), "-")[[1]])
}

yr_is_bank_day <- function(date) {
  p <- .yr_date_parts(date, sys.call())
  res <- c_yr_is_bank_day_where(p[1], p[2], p[3])
  list(bank_day = res$bank_day, reason = res$reason)
}

yr_due_date_bank <- function(date, days) {
  p <- .yr_date_parts(date, sys.call())
  res <- c_yr_due_date_bank_where(p[1], p[2], p[3], days)
  as.Date(sprintf("%04d-%02d-%02d", res$due_y, res$due_m, res$due_d))
}

yr_share_text <- function(part, whole) c_yr_share_text(part, whole)
yr_percent_text <- function(num, den, decimals = 4) c_yr_percent_text(num, den, decimals)
yr_quota_text <- function(whole, rem, den, decimals = 4) c_yr_quota_text(whole, rem, den, decimals)
