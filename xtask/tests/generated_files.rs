//! The checked-in generated files match what the code generates.

#[test]
fn generated_files_are_up_to_date() {
    let files = xtask::all_files();
    let stale = xtask::stale(&xtask::workspace_root(), &files);
    let report: Vec<String> = stale
        .iter()
        .map(|file| {
            format!(
                "{} is stale: run `{}` and commit the result",
                file.path, file.command
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn staleness_is_detected() {
    let dir = std::env::temp_dir().join(format!("xtask-stale-{}", std::process::id()));
    let files = xtask::schema_files();
    // Nothing written yet: everything is stale.
    assert_eq!(xtask::stale(&dir, &files).len(), files.len());
    xtask::write(&dir, &files).unwrap();
    assert!(xtask::stale(&dir, &files).is_empty());
    // One byte changed: that file, and only it, is stale.
    let path = dir.join(files[0].path);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push(' ');
    std::fs::write(&path, text).unwrap();
    let stale = xtask::stale(&dir, &files);
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].path, files[0].path);
    std::fs::remove_dir_all(&dir).unwrap();
}
