# Render an R Markdown vignette to HTML against the R package built in the build tree
# (R_LIBS is set by docs/meson.build).   Rscript render-vignette.R VIGNETTE.Rmd OUTPUT.html
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 2L)
out <- normalizePath(args[[2]], mustWork = FALSE)
work <- tempfile("vignette")
dir.create(work)
on.exit(unlink(work, recursive = TRUE))
invisible(file.copy(args[[1]], work))
rmarkdown::render(file.path(work, basename(args[[1]])), output_file = basename(out),
                  output_dir = dirname(out), intermediates_dir = work, quiet = TRUE,
                  envir = new.env())
