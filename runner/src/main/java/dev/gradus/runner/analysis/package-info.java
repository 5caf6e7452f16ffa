/**
 * The statistics a comparison of optimizers is published with, each a small unit over plain
 * numbers, checked against hand-worked examples: the average runtime to a target (COCO's aRT, with
 * bootstrap intervals), the target ladder, the two-sided Wilcoxon rank-sum (Mann–Whitney U) test
 * with Holm–Bonferroni correction, and performance (Dolan and Moré, 2002) and data profiles (Moré
 * and Wild, 2009). Plots and tables only draw and print what these return. See docs/analysis.md.
 */
package dev.gradus.runner.analysis;
