# The national cost of Yrkesresan with the R package yrkesresa: 39 000 000 kr (the SKR
# feasibility study's estimate) split between Sweden's 21 counties by population, then each
# county's amount between its municipalities (yr_split_nested: largest remainder at both levels,
# so a county's municipalities add up exactly to the county's amount). Population of
# 31 December 2018 (SCB), data/sweden/. Draws the county amounts with ggplot2.
#
#   Rscript examples/r/national_2018.R OUTDIR
#
# Writes OUTDIR/national-2018-counties.png; stops with an error if a sum does not hold.
suppressPackageStartupMessages({
  library(yrkesresa)
  library(ggplot2)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1L) stop("usage: Rscript national_2018.R OUTDIR")
outdir <- args[[1]]
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
root <- if (length(script) == 1L) normalizePath(file.path(dirname(script), "..", "..")) else ""
data_dir <- file.path(root, "data", "sweden")
if (!dir.exists(data_dir)) data_dir <- system.file("extdata", "sweden", package = "yrkesresa")
read_table <- function(name) {
  utils::read.csv(file.path(data_dir, name), encoding = "UTF-8", colClasses = c(code = "character"))
}
kr <- function(x) format(x, big.mark = " ", scientific = FALSE)

# Join by municipality code (both files have one).
municipalities <- read_table("municipalities.csv")
population <- read_table("population-2018-12-31.csv")
sweden <- merge(municipalities, population[c("code", "population")], by = "code")
stopifnot(nrow(sweden) == 290, nrow(sweden) == nrow(municipalities))

total <- 39000000
sweden <- yr_split_frame(sweden, total, weights = "population", groups = "county",
                         labels = "municipality")
counties <- aggregate(cbind(population, amount) ~ county, data = sweden, FUN = sum)
counties$per_inhabitant <- counties$amount / counties$population
counties <- counties[order(-counties$amount), ]
cat(sprintf("%s kr over %d municipalities in %d counties (population %s, 31 Dec 2018)\n",
            kr(total), nrow(sweden), nrow(counties), kr(sum(sweden$population))))
print(head(counties, 5), row.names = FALSE)
dalarna <- sweden[sweden$county == "Dalarnas län", c("municipality", "population", "amount")]
cat("\nDalarna's municipalities:\n")
print(dalarna[order(-dalarna$amount), ], row.names = FALSE)

# Every level adds up exactly.
stopifnot(sum(sweden$amount) == total, sum(counties$amount) == total,
          all(tapply(sweden$amount, sweden$county, sum)[counties$county] ==
                tapply(sweden$group_amount, sweden$county, unique)[counties$county]))

counties$county <- factor(counties$county, levels = rev(counties$county))
g <- ggplot(counties, aes(x = amount / 1e6, y = county)) +
  geom_col(fill = "#2c7fb8") +
  labs(x = "million kronor", y = NULL,
       title = "39 Mkr split by county, population 31 Dec 2018 (largest remainder)") +
  theme_minimal()
png <- file.path(outdir, "national-2018-counties.png")
ggsave(png, g, width = 8, height = 6, dpi = 100)
stopifnot(file.size(png) > 0)
cat("\nChart:", png, "\n")
