//! Criterion benchmarks: parse, validate, serialize and scale, each group with its baseline
//! measured in the same run (`cargo xtask bench` prints the ratios).
//!
//! Groups (criterion ids `group/function[/size]`):
//! * `parse_corpus`: every corpus document in one iteration, into `serde_json::Value` (the
//!   baseline) and into `ProviderMetadata`.
//! * `parse_oidc_subset`: the same over the documents openidconnect's `CoreProviderMetadata`
//!   parses, with openidconnect as a second baseline.
//! * `parse_median`: the document of median size.
//! * `validate_corpus`: `check` (`oidc` profile) of pre-parsed documents and `validate_json`
//!   (parse + validate, end to end), against parsing into `Value`.
//! * `serialize_corpus`: `to_json_vec` of `ProviderMetadata` against `serde_json::to_vec` of
//!   the `Value`.
//! * `scale`: synthetic documents of 1 KiB to 1 MiB, parse into `Value` and `validate_json`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, measurement::WallTime,
};
use oidc_discovery_bench::{Document, SCALE_SIZES, corpus, median_document, synthetic_document};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Options, Profile, check, validate_json};
use openidconnect::core::CoreProviderMetadata;
use serde_json::Value;

fn configure<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    group
}

fn total_bytes(documents: &[&Document]) -> u64 {
    documents.iter().map(|d| d.bytes.len() as u64).sum()
}

fn parse_value(documents: &[&Document]) {
    for document in documents {
        black_box(serde_json::from_slice::<Value>(black_box(&document.bytes)).ok());
    }
}

fn parse_typed(documents: &[&Document]) {
    for document in documents {
        black_box(ProviderMetadata::from_json_slice(black_box(&document.bytes)).ok());
    }
}

fn parse_openidconnect(documents: &[&Document]) {
    for document in documents {
        black_box(serde_json::from_slice::<CoreProviderMetadata>(black_box(&document.bytes)).ok());
    }
}

fn parse_group(c: &mut Criterion, name: &str, documents: &[&Document], openidconnect: bool) {
    let mut group = configure(c, name);
    group.throughput(Throughput::Bytes(total_bytes(documents)));
    group.bench_function("value", |b| b.iter(|| parse_value(documents)));
    group.bench_function("typed", |b| b.iter(|| parse_typed(documents)));
    if openidconnect {
        group.bench_function("openidconnect", |b| {
            b.iter(|| parse_openidconnect(documents));
        });
    }
    group.finish();
}

fn main() {
    let documents = corpus();
    let all: Vec<&Document> = documents.iter().collect();
    let mut subset = Vec::new();
    let mut rejected = Vec::new();
    for document in &all {
        match serde_json::from_slice::<CoreProviderMetadata>(&document.bytes) {
            Ok(_) => subset.push(*document),
            Err(error) => rejected.push(format!("{}: {error}", document.name)),
        }
    }
    eprintln!(
        "corpus: {} documents, {} bytes; openidconnect parses {}, not {}:",
        all.len(),
        total_bytes(&all),
        subset.len(),
        rejected.len()
    );
    for line in &rejected {
        eprintln!("  {line}");
    }
    let median = median_document(&documents);
    let median_oidc = subset.iter().any(|d| d.name == median.name);
    eprintln!(
        "median document: {} ({} bytes; openidconnect parses it: {median_oidc})",
        median.name,
        median.bytes.len()
    );

    let mut c = Criterion::default().configure_from_args();

    parse_group(&mut c, "parse_corpus", &all, false);
    parse_group(&mut c, "parse_oidc_subset", &subset, true);
    parse_group(&mut c, "parse_median", &[median], median_oidc);

    let options = Options::default();
    let parsed: Vec<ProviderMetadata> = all
        .iter()
        .map(|d| ProviderMetadata::from_json_slice(&d.bytes).expect(&d.name))
        .collect();
    let values: Vec<Value> = all
        .iter()
        .map(|d| serde_json::from_slice(&d.bytes).expect(&d.name))
        .collect();

    let mut group = configure(&mut c, "validate_corpus");
    group.throughput(Throughput::Bytes(total_bytes(&all)));
    group.bench_function("value_parse", |b| b.iter(|| parse_value(&all)));
    group.bench_function("check", |b| {
        b.iter(|| {
            for metadata in &parsed {
                black_box(check(black_box(metadata), Profile::Oidc, &options));
            }
        });
    });
    group.bench_function("parse_validate", |b| {
        b.iter(|| {
            for document in &all {
                black_box(validate_json(
                    black_box(&document.bytes),
                    Profile::Oidc,
                    &options,
                ));
            }
        });
    });
    group.finish();

    let mut group = configure(&mut c, "serialize_corpus");
    group.throughput(Throughput::Bytes(total_bytes(&all)));
    group.bench_function("value", |b| {
        b.iter(|| {
            for value in &values {
                black_box(serde_json::to_vec(black_box(value)).ok());
            }
        });
    });
    group.bench_function("typed", |b| {
        b.iter(|| {
            for metadata in &parsed {
                black_box(black_box(metadata).to_json_vec().ok());
            }
        });
    });
    group.finish();

    // parse + validate of 1 MiB takes seconds today (see docs/benchmarks.md): flat sampling
    // and the minimum sample count keep the group to about a minute.
    let mut group = configure(&mut c, "scale");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for (label, size) in SCALE_SIZES {
        let document = synthetic_document(size);
        group.throughput(Throughput::Bytes(document.len() as u64));
        group.bench_with_input(BenchmarkId::new("value", label), &document, |b, json| {
            b.iter(|| black_box(serde_json::from_slice::<Value>(black_box(json)).ok()));
        });
        group.bench_with_input(
            BenchmarkId::new("parse_validate", label),
            &document,
            |b, json| b.iter(|| black_box(validate_json(black_box(json), Profile::Oidc, &options))),
        );
    }
    group.finish();

    c.final_summary();
}
