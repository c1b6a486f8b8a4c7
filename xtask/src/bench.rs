//! `cargo xtask bench`: runs the benchmarks of `oidc-discovery-bench`, then prints the table
//! of ratios (each measurement against its baseline of the same run) as Markdown.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// Runs `cargo bench -p oidc-discovery-bench [extra]`, then prints the table.
pub(crate) fn run(extra: &[&str]) -> ExitCode {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut args = vec!["bench", "-p", "oidc-discovery-bench"];
    args.extend_from_slice(extra);
    eprintln!("$ cargo {}", args.join(" "));
    let status = std::process::Command::new(&cargo)
        .args(&args)
        .current_dir(xtask::workspace_root())
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(_) => return ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: cannot run cargo: {error}");
            return ExitCode::FAILURE;
        }
    }
    println!("{}", table(&target_dir()));
    ExitCode::SUCCESS
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| xtask::workspace_root().join("target"), PathBuf::from)
}

/// Median point estimates (ns) of every criterion benchmark under `dir`, by full id
/// (`group/function[/value]`).
fn criterion_medians(dir: &Path) -> BTreeMap<String, f64> {
    let mut medians = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                continue;
            }
            if path.file_name().is_some_and(|name| name == "new") {
                let id = read_json(&path.join("benchmark.json"))
                    .and_then(|b| b["full_id"].as_str().map(str::to_owned));
                let median = read_json(&path.join("estimates.json"))
                    .and_then(|e| e["median"]["point_estimate"].as_f64());
                if let (Some(id), Some(median)) = (id, median) {
                    medians.insert(id, median);
                }
            } else {
                stack.push(path);
            }
        }
    }
    medians
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(values[(values.len() - 1) / 2])
}

/// The Markdown table from the results under `target`.
fn table(target: &Path) -> String {
    let medians = criterion_medians(&target.join("criterion"));
    let get = |id: &str| medians.get(id).copied();
    let mut out = String::from(
        "| measurement | ratio | times (measured / baseline) |\n| --- | --- | --- |\n",
    );
    let mut row = |what: &str, ratio: String, times: String| {
        let _ = writeln!(out, "| {what} | {ratio} | {times} |");
    };
    let pairs = [
        (
            "parse, whole corpus: typed / Value",
            "parse_corpus/typed",
            "parse_corpus/value",
        ),
        (
            "parse, openidconnect's subset: typed / Value",
            "parse_oidc_subset/typed",
            "parse_oidc_subset/value",
        ),
        (
            "parse, openidconnect's subset: typed / openidconnect",
            "parse_oidc_subset/typed",
            "parse_oidc_subset/openidconnect",
        ),
        (
            "parse, openidconnect's subset: openidconnect / Value",
            "parse_oidc_subset/openidconnect",
            "parse_oidc_subset/value",
        ),
        (
            "parse, median document: typed / Value",
            "parse_median/typed",
            "parse_median/value",
        ),
        (
            "parse, median document: typed / openidconnect",
            "parse_median/typed",
            "parse_median/openidconnect",
        ),
        (
            "validate (oidc), whole corpus: check / Value parse",
            "validate_corpus/check",
            "validate_corpus/value_parse",
        ),
        (
            "parse + validate (validate_json), whole corpus / Value parse",
            "validate_corpus/parse_validate",
            "validate_corpus/value_parse",
        ),
        (
            "serialize, whole corpus: typed / Value",
            "serialize_corpus/typed",
            "serialize_corpus/value",
        ),
    ];
    for (what, measured, baseline) in pairs {
        if let (Some(m), Some(b)) = (get(measured), get(baseline)) {
            row(
                what,
                format!("{:.2}×", m / b),
                format!("{} / {}", time(m), time(b)),
            );
        }
    }

    if let Some(Value::Array(rows)) =
        read_json(&target.join("oidc-discovery-bench/per_document.json"))
    {
        let field = |row: &Value, name: &str| row[name].as_f64();
        let ratios = |name: &str, base: &str| -> Vec<f64> {
            rows.iter()
                .filter_map(|r| Some(field(r, name)? / field(r, base)?))
                .collect()
        };
        let n = rows.len();
        if let Some(m) = median(ratios("typed_ns", "value_ns")) {
            row(
                &format!("parse, per document (median of {n}): typed / Value"),
                format!("{m:.2}×"),
                String::new(),
            );
        }
        if let Some(m) = median(ratios("parse_validate_ns", "value_ns")) {
            row(
                &format!("parse + validate, per document (median of {n}) / Value parse"),
                format!("{m:.2}×"),
                String::new(),
            );
        }
        // The whole corpus from the interleaved per-document timings: the sum of every
        // document's median time, which a burst of load skews less than criterion's groups
        // (run one after the other).
        let sum = |name: &str| -> Option<f64> { rows.iter().map(|r| field(r, name)).sum() };
        for (what, name) in [
            (
                "parse, whole corpus (interleaved): typed / Value",
                "typed_ns",
            ),
            (
                "parse + validate, whole corpus (interleaved) / Value parse",
                "parse_validate_ns",
            ),
        ] {
            if let (Some(m), Some(b)) = (sum(name), sum("value_ns")) {
                row(
                    what,
                    format!("{:.2}×", m / b),
                    format!("{} / {}", time(m), time(b)),
                );
            }
        }
        let versus = ratios("typed_ns", "openidconnect_ns");
        let slower: Vec<&str> = rows
            .iter()
            .filter(|r| {
                matches!((field(r, "typed_ns"), field(r, "openidconnect_ns")), (Some(t), Some(o)) if t >= o)
            })
            .filter_map(|r| r["name"].as_str())
            .collect();
        if let (Some(m), Some(max)) = (
            median(versus.clone()),
            versus.iter().copied().max_by(f64::total_cmp),
        ) {
            row(
                &format!(
                    "parse, per document both parse ({}): typed / openidconnect",
                    versus.len()
                ),
                format!("median {m:.2}×, worst {max:.2}×"),
                if slower.is_empty() {
                    "typed faster on every one".to_owned()
                } else {
                    format!("not faster on: {}", slower.join(", "))
                },
            );
        }
    }

    let scale: Vec<(&str, f64)> = [
        ("1KiB", 1024.0),
        ("16KiB", 16384.0),
        ("256KiB", 262_144.0),
        ("1MiB", 1_048_576.0),
    ]
    .into();
    let first = get("scale/parse_validate/1KiB");
    for (label, bytes) in scale {
        if let (Some(pv), Some(v)) = (
            get(&format!("scale/parse_validate/{label}")),
            get(&format!("scale/value/{label}")),
        ) {
            let linear = first.map_or_else(String::new, |f| {
                format!("; {:.2}× the 1 KiB ns/byte", (pv / bytes) / (f / 1024.0))
            });
            row(
                &format!("scale {label}: parse + validate, ns per byte"),
                format!("{:.2} ns/B{linear}", pv / bytes),
                format!(
                    "{} / {}; {:.2}× Value parse ({:.2} ns/B)",
                    time(pv),
                    time(v),
                    pv / v,
                    v / bytes
                ),
            );
        }
    }

    if let Some(memory) = read_json(&target.join("oidc-discovery-bench/memory.json")) {
        if let Some(size) = memory["document_bytes"].as_f64() {
            for (case, what) in [
                ("parse_validate", "parse + validate"),
                ("typed", "typed parse"),
                ("value", "Value parse"),
            ] {
                if let Some(peak) = memory[format!("{case}_peak_bytes")].as_f64() {
                    row(
                        &format!("peak heap, 1 MiB document: {what} / size"),
                        format!("{:.2}×", peak / size),
                        format!("{:.0} KiB / {:.0} KiB", peak / 1024.0, size / 1024.0),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, id: &str, median: f64) {
        let new = dir.join("criterion").join(id).join("new");
        std::fs::create_dir_all(&new).unwrap();
        let benchmark = serde_json::json!({ "full_id": id });
        let estimates = serde_json::json!({ "median": { "point_estimate": median } });
        std::fs::write(new.join("benchmark.json"), benchmark.to_string()).unwrap();
        std::fs::write(new.join("estimates.json"), estimates.to_string()).unwrap();
    }

    #[test]
    fn the_table_has_ratios_against_the_baselines() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        write(&dir, "parse_corpus/value", 2000.0);
        write(&dir, "parse_corpus/typed", 1000.0);
        write(&dir, "scale/value/1KiB", 1024.0);
        write(&dir, "scale/parse_validate/1KiB", 2048.0);
        let table = table(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            table.contains("| parse, whole corpus: typed / Value | 0.50× | 1.00 µs / 2.00 µs |"),
            "{table}"
        );
        assert!(
            table.contains(
                "| scale 1KiB: parse + validate, ns per byte | 2.00 ns/B; 1.00× the 1 KiB ns/byte |"
            ),
            "{table}"
        );
        assert!(!table.contains("openidconnect /"), "{table}");
    }
}
