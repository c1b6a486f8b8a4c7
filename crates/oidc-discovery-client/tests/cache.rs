//! Tests of [`Cache`]: expiry, single flight, stale-while-refresh, failures, backoff, forced
//! refreshes and jitter, with a scripted fake retriever and a manual clock (no sleeping), and
//! one end-to-end test with the real client and a loopback server.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use oidc_discovery_client::{
    Cache, CacheConfig, Client, Clock, DiscoveryError, FetchError, Retrieval, Retrieve, Source,
};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, Validated};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::sync::watch;

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

fn document_json(issuer: &str, version: u32) -> String {
    format!(
        r#"{{
            "issuer": "{issuer}",
            "authorization_endpoint": "{issuer}/authorize",
            "token_endpoint": "{issuer}/token/v{version}",
            "jwks_uri": "{issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"]
        }}"#
    )
}

/// A valid OIDC document whose `token_endpoint` ends in `/v{version}`.
fn document(version: u32) -> Validated<Oidc> {
    let metadata =
        ProviderMetadata::from_json_str(&document_json("https://id.example.com", version))
            .expect("the fixture parses");
    oidc_discovery_validate::validate::<Oidc>(metadata, &Options::default())
        .expect("the fixture is valid")
}

/// The version marker of a document built by [`document`].
fn version(document: &Validated<Oidc>) -> u32 {
    let endpoint = document
        .token_endpoint
        .as_ref()
        .expect("a token endpoint")
        .as_str();
    let (_, version) = endpoint
        .rsplit_once("/v")
        .expect("a versioned token endpoint");
    version.parse().expect("a numeric version")
}

fn server_error() -> DiscoveryError {
    DiscoveryError::Fetch(FetchError::Status {
        url: "https://id.example.com/.well-known/openid-configuration".into(),
        status: 500,
    })
}

fn is_server_error(error: &DiscoveryError) -> bool {
    matches!(
        error,
        DiscoveryError::Fetch(FetchError::Status { status: 500, .. })
    )
}

fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

fn millis(milliseconds: u64) -> Duration {
    Duration::from_millis(milliseconds)
}

/// One scripted outcome of the fake retriever.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// `document(version)` with this `max-age`.
    Doc(u32, Option<Duration>),
    /// A `500` fetch error.
    Fail,
}

struct FakeState {
    /// Calls to `retrieve`, counted when it is called (before the gate).
    calls: watch::Sender<usize>,
    /// Outcomes, in call order; when empty, calls fail with status 599.
    script: Mutex<VecDeque<Step>>,
    /// Retrievals wait until this is `true`.
    gate: watch::Sender<bool>,
}

/// A scripted retriever; clones share their state.
#[derive(Clone)]
struct Fake(Arc<FakeState>);

impl Fake {
    /// An open fake with this script.
    fn new(script: impl IntoIterator<Item = Step>) -> Self {
        Self(Arc::new(FakeState {
            calls: watch::Sender::new(0),
            script: Mutex::new(script.into_iter().collect()),
            gate: watch::Sender::new(true),
        }))
    }

    fn push(&self, step: Step) {
        self.0.script.lock().unwrap().push_back(step);
    }

    fn calls(&self) -> usize {
        *self.0.calls.borrow()
    }

    fn close(&self) {
        self.0.gate.send_replace(false);
    }

    fn open(&self) {
        self.0.gate.send_replace(true);
    }

    /// Waits (without sleeping; bounded by a generous real-time limit) until `n` calls were made.
    async fn wait_for_calls(&self, n: usize) {
        let mut calls = self.0.calls.subscribe();
        bounded(async move {
            calls
                .wait_for(|&calls| calls >= n)
                .await
                .expect("the fake lives");
        })
        .await;
    }
}

impl Retrieve<Oidc> for Fake {
    fn retrieve(&self) -> Retrieval<'_, Oidc> {
        let step = self.0.script.lock().unwrap().pop_front();
        self.0.calls.send_modify(|calls| *calls += 1);
        let mut gate = self.0.gate.subscribe();
        Box::pin(async move {
            gate.wait_for(|&open| open).await.expect("the fake lives");
            match step {
                Some(Step::Doc(version, max_age)) => Ok((document(version), max_age)),
                Some(Step::Fail) => Err(server_error()),
                None => Err(DiscoveryError::Fetch(FetchError::Status {
                    url: "script exhausted".into(),
                    status: 599,
                })),
            }
        })
    }
}

/// A clock that moves only when told to.
#[derive(Clone)]
struct ManualClock(Arc<Mutex<Instant>>);

impl ManualClock {
    fn new() -> Self {
        Self(Arc::new(Mutex::new(Instant::now())))
    }

    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        *self.0.lock().unwrap()
    }
}

/// A configuration without jitter: TTL in [60 s, 3600 s], 600 s without `max-age`, retries
/// after 1 s doubling up to 4 s, forced refreshes at most every 300 s.
fn config() -> CacheConfig {
    let mut config = CacheConfig::default();
    config.min_ttl = secs(60);
    config.max_ttl = secs(3600);
    config.default_ttl = secs(600);
    config.jitter = 0.0;
    config.retry_initial = secs(1);
    config.retry_max = secs(4);
    config.refresh_interval = secs(300);
    config
}

fn cache_with(fake: &Fake, config: CacheConfig) -> (Cache<Oidc>, ManualClock) {
    let clock = ManualClock::new();
    (Cache::with(fake.clone(), config, clock.clone()), clock)
}

/// Lets spawned tasks run. On the current-thread runtime a background refresh whose retrieval
/// is ready runs to completion during the first yield; the extra yields are slack.
async fn settle() {
    for _ in 0..16 {
        tokio::task::yield_now().await;
    }
}

/// Runs `future`, failing the test instead of hanging if it takes more than 10 s of real time
/// (it never should: this is only a guard against deadlocks).
async fn bounded<T>(future: impl Future<Output = T>) -> T {
    tokio::time::timeout(secs(10), future)
        .await
        .expect("timed out (deadlock?)")
}

/// Yields until `condition` holds (bounded).
async fn until(mut condition: impl FnMut() -> bool) {
    bounded(async {
        while !condition() {
            tokio::task::yield_now().await;
        }
    })
    .await;
}

/// A future wrapper that counts, in `pending`, the wrapped futures that have been polled and are
/// waiting: so that a test knows every caller is parked before it opens a gate.
struct Probe<F: Future> {
    inner: Pin<Box<F>>,
    reported: bool,
    pending: Arc<watch::Sender<usize>>,
}

impl<F: Future> Future for Probe<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let poll = self.inner.as_mut().poll(cx);
        if poll.is_pending() && !self.reported {
            self.reported = true;
            self.pending.send_modify(|pending| *pending += 1);
        }
        poll
    }
}

fn probe<F: Future>(future: F, pending: &Arc<watch::Sender<usize>>) -> Probe<F> {
    Probe {
        inner: Box::pin(future),
        reported: false,
        pending: Arc::clone(pending),
    }
}

async fn wait_for_pending(pending: &Arc<watch::Sender<usize>>, n: usize) {
    let mut receiver = pending.subscribe();
    bounded(async move {
        receiver
            .wait_for(|&pending| pending >= n)
            .await
            .expect("the sender lives");
    })
    .await;
}

/// After the first `get` at the clock's current time, asserts the document stays fresh for
/// exactly `ttl`: a `get` just before `ttl` fetches nothing, a `get` at `ttl` starts a refresh.
async fn assert_fresh_for(max_age: Option<Duration>, config: CacheConfig, ttl: Duration) {
    let fake = Fake::new([Step::Doc(1, max_age), Step::Doc(2, max_age)]);
    let (cache, clock) = cache_with(&fake, config);
    let first = cache.get().await.unwrap();
    assert_eq!(
        (version(&first), fake.calls()),
        (1, 1),
        "max-age {max_age:?}"
    );

    clock.advance(ttl - millis(1));
    let again = cache.get().await.unwrap();
    settle().await;
    assert!(Arc::ptr_eq(&first, &again), "max-age {max_age:?}");
    assert_eq!(
        fake.calls(),
        1,
        "max-age {max_age:?}: fetched before {ttl:?}"
    );

    clock.advance(millis(1));
    let stale = cache.get().await.unwrap();
    assert!(
        Arc::ptr_eq(&first, &stale),
        "max-age {max_age:?}: the stale document is served"
    );
    settle().await;
    assert_eq!(
        fake.calls(),
        2,
        "max-age {max_age:?}: no refresh at {ttl:?}"
    );
    assert_eq!(
        version(&cache.get().await.unwrap()),
        2,
        "max-age {max_age:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 1. Expiry
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn first_get_fetches_and_the_document_is_served_within_its_ttl() {
    let fake = Fake::new([Step::Doc(1, Some(secs(300)))]);
    let (cache, clock) = cache_with(&fake, config());
    assert!(cache.current().is_none());
    let first = cache.get().await.unwrap();
    assert_eq!((version(&first), fake.calls()), (1, 1));
    for _ in 0..10 {
        clock.advance(secs(29));
        let again = cache.get().await.unwrap();
        assert!(Arc::ptr_eq(&first, &again));
    }
    settle().await;
    assert_eq!(fake.calls(), 1);
    assert!(Arc::ptr_eq(&first, &cache.current().unwrap()));
}

#[tokio::test]
async fn max_age_sets_the_ttl_within_the_bounds() {
    // Within [min_ttl, max_ttl]: as is.
    assert_fresh_for(Some(secs(300)), config(), secs(300)).await;
    assert_fresh_for(Some(secs(60)), config(), secs(60)).await;
    assert_fresh_for(Some(secs(3600)), config(), secs(3600)).await;
    // Below min_ttl (including no-store/no-cache, reported as 0): min_ttl.
    assert_fresh_for(Some(secs(10)), config(), secs(60)).await;
    assert_fresh_for(Some(Duration::ZERO), config(), secs(60)).await;
    // Above max_ttl: max_ttl.
    assert_fresh_for(Some(secs(100_000)), config(), secs(3600)).await;
    // Absent: default_ttl ...
    assert_fresh_for(None, config(), secs(600)).await;
    // ... clamped too.
    let mut short = config();
    short.default_ttl = secs(5);
    assert_fresh_for(None, short, secs(60)).await;
    let mut long = config();
    long.default_ttl = secs(86_400);
    assert_fresh_for(None, long, secs(3600)).await;
}

// ---------------------------------------------------------------------------------------------
// 2. Single flight
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_gets_share_one_retrieval() {
    const N: usize = 50;
    let fake = Fake::new([Step::Doc(1, None), Step::Doc(2, None)]);
    fake.close();
    let (cache, _clock) = cache_with(&fake, config());
    let pending = Arc::new(watch::Sender::new(0));
    let tasks: Vec<_> = (0..N)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(probe(async move { cache.get().await }, &pending))
        })
        .collect();
    // Every caller is parked (one in the retrieval, the others behind it) before the gate opens.
    wait_for_pending(&pending, N).await;
    assert_eq!(fake.calls(), 1);
    fake.open();
    let mut documents = Vec::new();
    for task in tasks {
        documents.push(bounded(task).await.unwrap().unwrap());
    }
    assert_eq!(fake.calls(), 1);
    assert_eq!(version(&documents[0]), 1);
    assert!(
        documents
            .iter()
            .all(|document| Arc::ptr_eq(document, &documents[0]))
    );
    assert!(Arc::ptr_eq(&cache.current().unwrap(), &documents[0]));
}

// ---------------------------------------------------------------------------------------------
// 3. Stale while refresh
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_document_is_served_while_one_background_refresh_runs() {
    const N: usize = 50;
    let fake = Fake::new([
        Step::Doc(1, Some(secs(300))),
        Step::Doc(2, Some(secs(300))),
        Step::Doc(3, None),
    ]);
    let (cache, clock) = cache_with(&fake, config());
    let old = cache.get().await.unwrap();
    fake.close();
    clock.advance(secs(300));

    // Many concurrent callers of the stale document: all answered while the refresh is blocked.
    let tasks: Vec<_> = (0..N)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(async move { cache.get().await })
        })
        .collect();
    for task in tasks {
        let document = bounded(task).await.unwrap().unwrap();
        assert!(Arc::ptr_eq(&document, &old));
    }
    fake.wait_for_calls(2).await;
    assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &old));
    assert!(Arc::ptr_eq(&cache.current().unwrap(), &old));
    assert_eq!(fake.calls(), 2);

    fake.open();
    until(|| {
        cache
            .current()
            .is_some_and(|document| version(&document) == 2)
    })
    .await;
    assert_eq!(version(&cache.get().await.unwrap()), 2);
    // Forced refreshes queue behind any retrieval in flight (a fair lock): had a second
    // background refresh been started, it would retrieve before this one.
    let forced = bounded(cache.refresh_now()).await.unwrap();
    assert_eq!((version(&forced), fake.calls()), (3, 3));
}

#[tokio::test]
async fn stale_document_starts_exactly_one_refresh_for_many_callers() {
    // The same on the current-thread runtime, where the order is fully deterministic: the
    // callers all run before the background refresh is first polled.
    let fake = Fake::new([
        Step::Doc(1, Some(secs(300))),
        Step::Doc(2, Some(secs(300))),
        Step::Doc(3, None),
    ]);
    let (cache, clock) = cache_with(&fake, config());
    let old = cache.get().await.unwrap();
    fake.close();
    clock.advance(secs(300));
    for _ in 0..50 {
        assert!(Arc::ptr_eq(&bounded(cache.get()).await.unwrap(), &old));
    }
    settle().await;
    assert_eq!(fake.calls(), 2);
    for _ in 0..50 {
        assert!(Arc::ptr_eq(&bounded(cache.get()).await.unwrap(), &old));
    }
    fake.open();
    settle().await;
    assert_eq!(fake.calls(), 2);
    assert_eq!(version(&cache.get().await.unwrap()), 2);
    settle().await;
    assert_eq!(fake.calls(), 2, "the new document is fresh");
}

// ---------------------------------------------------------------------------------------------
// 4. Failures
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn failed_background_refresh_keeps_the_last_good_document() {
    let fake = Fake::new([Step::Doc(1, Some(secs(300))), Step::Fail]);
    let (cache, clock) = cache_with(&fake, config());
    let old = cache.get().await.unwrap();
    clock.advance(secs(300));
    assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &old));
    settle().await;
    assert_eq!(fake.calls(), 2);
    assert!(Arc::ptr_eq(&cache.current().unwrap(), &old));
    assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &old));
}

#[tokio::test]
async fn failure_without_a_document_is_returned_and_not_cached() {
    let fake = Fake::new([Step::Fail, Step::Doc(1, None)]);
    let (cache, _clock) = cache_with(&fake, config());
    let error = cache.get().await.unwrap_err();
    assert!(is_server_error(&error), "{error}");
    assert_eq!(fake.calls(), 1);
    assert!(cache.current().is_none());
    // No clock movement: the failure is not cached and does not delay the next attempt.
    let document = cache.get().await.unwrap();
    assert_eq!((version(&document), fake.calls()), (1, 2));
    assert!(Arc::ptr_eq(&cache.current().unwrap(), &document));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callers_waiting_on_a_failed_first_retrieval_try_again_one_at_a_time() {
    let fake = Fake::new([Step::Fail, Step::Doc(1, None), Step::Doc(2, None)]);
    fake.close();
    let (cache, _clock) = cache_with(&fake, config());
    let pending = Arc::new(watch::Sender::new(0));
    let tasks: Vec<_> = (0..3)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(probe(async move { cache.get().await }, &pending))
        })
        .collect();
    wait_for_pending(&pending, 3).await;
    assert_eq!(fake.calls(), 1);
    fake.open();
    let mut results = Vec::new();
    for task in tasks {
        results.push(bounded(task).await.unwrap());
    }
    // The caller that ran the failed retrieval gets the error; the next one retrieves again and
    // succeeds; the last finds that document.
    assert_eq!(fake.calls(), 2);
    assert_eq!(
        results
            .iter()
            .filter(|result| result.as_ref().is_err_and(is_server_error))
            .count(),
        1
    );
    let documents: Vec<_> = results.into_iter().filter_map(Result::ok).collect();
    assert_eq!(documents.len(), 2);
    assert!(
        documents
            .iter()
            .all(|document| version(document) == 1 && Arc::ptr_eq(document, &documents[0]))
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Backoff
// ---------------------------------------------------------------------------------------------

/// A stale `get` at the current time: returns the number of retrievals it started (0 or 1).
async fn stale_get_starts(cache: &Cache<Oidc>, fake: &Fake, old: &Arc<Validated<Oidc>>) -> usize {
    let before = fake.calls();
    let document = cache.get().await.unwrap();
    settle().await;
    assert!(Arc::ptr_eq(&document, old), "the stale document is served");
    fake.calls() - before
}

#[tokio::test]
async fn failed_refreshes_are_retried_with_exponential_backoff() {
    // retry_initial 1 s, retry_max 4 s: waits of 1, 2, 4, 4 s.
    let fake = Fake::new([Step::Doc(1, Some(secs(60))), Step::Fail]);
    let (cache, clock) = cache_with(&fake, config());
    let old = cache.get().await.unwrap();
    clock.advance(secs(60));
    assert_eq!(
        stale_get_starts(&cache, &fake, &old).await,
        1,
        "first refresh"
    );
    assert_eq!(fake.calls(), 2);

    for (attempt, wait) in [(3, secs(1)), (4, secs(2)), (5, secs(4)), (6, secs(4))] {
        assert_eq!(
            stale_get_starts(&cache, &fake, &old).await,
            0,
            "right after a failure (attempt {attempt})"
        );
        clock.advance(wait - millis(1));
        assert_eq!(
            stale_get_starts(&cache, &fake, &old).await,
            0,
            "before {wait:?} (attempt {attempt})"
        );
        assert_eq!(
            stale_get_starts(&cache, &fake, &old).await,
            0,
            "before {wait:?}, again (attempt {attempt})"
        );
        clock.advance(millis(1));
        if attempt == 6 {
            fake.push(Step::Doc(2, Some(secs(60))));
        } else {
            fake.push(Step::Fail);
        }
        assert_eq!(
            stale_get_starts(&cache, &fake, &old).await,
            1,
            "after {wait:?} (attempt {attempt})"
        );
        assert_eq!(fake.calls(), attempt);
        assert!(Arc::ptr_eq(&cache.current().unwrap(), &old) || attempt == 6);
    }
    let new = cache.get().await.unwrap();
    assert_eq!(version(&new), 2);

    // A success resets the backoff: the next failure waits retry_initial again.
    clock.advance(secs(60));
    fake.push(Step::Fail);
    assert_eq!(stale_get_starts(&cache, &fake, &new).await, 1);
    clock.advance(millis(999));
    assert_eq!(stale_get_starts(&cache, &fake, &new).await, 0);
    clock.advance(millis(1));
    fake.push(Step::Doc(3, None));
    assert_eq!(stale_get_starts(&cache, &fake, &new).await, 1);
    assert_eq!(fake.calls(), 8);
    assert_eq!(version(&cache.get().await.unwrap()), 3);
}

#[tokio::test]
async fn backoff_is_capped_at_retry_max() {
    let mut config = config();
    config.retry_initial = millis(100);
    config.retry_max = millis(700);
    let fake = Fake::new([Step::Doc(1, Some(secs(60)))]);
    let (cache, clock) = cache_with(&fake, config);
    let old = cache.get().await.unwrap();
    clock.advance(secs(60));
    fake.push(Step::Fail);
    assert_eq!(stale_get_starts(&cache, &fake, &old).await, 1);
    // 100, 200, 400, then 700 (not 800), 700, ...
    for wait in [100, 200, 400, 700, 700, 700] {
        clock.advance(millis(wait - 1));
        assert_eq!(
            stale_get_starts(&cache, &fake, &old).await,
            0,
            "before {wait} ms"
        );
        clock.advance(millis(1));
        fake.push(Step::Fail);
        assert_eq!(
            stale_get_starts(&cache, &fake, &old).await,
            1,
            "at {wait} ms"
        );
    }
    assert_eq!(fake.calls(), 8);
}

// ---------------------------------------------------------------------------------------------
// 6. Forced refresh
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn forced_refreshes_are_rate_limited() {
    let fake = Fake::new([
        Step::Doc(1, Some(secs(3600))),
        Step::Doc(2, Some(secs(3600))),
        Step::Fail,
    ]);
    let (cache, clock) = cache_with(&fake, config());
    let first = cache.refresh_now().await.unwrap();
    assert_eq!((version(&first), fake.calls()), (1, 1));
    assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &first));

    // Within refresh_interval (300 s): no fetch, the current document.
    assert!(Arc::ptr_eq(&cache.refresh_now().await.unwrap(), &first));
    clock.advance(millis(299_999));
    assert!(Arc::ptr_eq(&cache.refresh_now().await.unwrap(), &first));
    assert_eq!(fake.calls(), 1);

    // After it: a fetch, even though the document is fresh.
    clock.advance(millis(1));
    let second = cache.refresh_now().await.unwrap();
    assert_eq!((version(&second), fake.calls()), (2, 2));
    assert!(Arc::ptr_eq(&cache.current().unwrap(), &second));
    assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &second));

    // A failing forced refresh returns the error and keeps the document.
    clock.advance(secs(300));
    let error = cache.refresh_now().await.unwrap_err();
    assert!(is_server_error(&error), "{error}");
    assert_eq!(fake.calls(), 3);
    assert!(Arc::ptr_eq(&cache.current().unwrap(), &second));
    assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &second));
    // It still counts as the forced refresh of this interval.
    assert!(Arc::ptr_eq(&cache.refresh_now().await.unwrap(), &second));
    settle().await;
    assert_eq!(fake.calls(), 3);
}

#[tokio::test]
async fn forced_refresh_without_a_document_is_not_rate_limited() {
    let fake = Fake::new([Step::Fail, Step::Doc(1, None)]);
    let (cache, _clock) = cache_with(&fake, config());
    assert!(is_server_error(&cache.refresh_now().await.unwrap_err()));
    // Within the interval, but there is nothing to return: it fetches.
    let document = cache.refresh_now().await.unwrap();
    assert_eq!((version(&document), fake.calls()), (1, 2));
}

// ---------------------------------------------------------------------------------------------
// 7. Jitter
// ---------------------------------------------------------------------------------------------

/// When (in whole seconds after the first fetch) a `get` first starts a refresh.
async fn first_refetch_second(config: CacheConfig, max_age: Duration) -> u64 {
    let fake = Fake::new([Step::Doc(1, Some(max_age)), Step::Doc(2, None)]);
    let (cache, clock) = cache_with(&fake, config);
    cache.get().await.unwrap();
    for second in 1..=max_age.as_secs() + 1 {
        clock.advance(secs(1));
        cache.get().await.unwrap();
        settle().await;
        if fake.calls() > 1 {
            return second;
        }
    }
    panic!("no refetch within {max_age:?} + 1 s");
}

#[tokio::test]
async fn jitter_shortens_the_ttl_by_at_most_its_fraction() {
    let mut config = config();
    config.min_ttl = secs(1);
    config.jitter = 0.5;
    let mut seen = Vec::new();
    for _ in 0..20 {
        let second = first_refetch_second(config.clone(), secs(100)).await;
        assert!(
            (50..=100).contains(&second),
            "refetched at {second} s, outside [50 s, 100 s]"
        );
        seen.push(second);
    }
    // Jitter does take something off (all 20 at 100 s would need 20 draws below 0.02).
    assert!(seen.iter().any(|&second| second < 100), "{seen:?}");
    // And without jitter, exactly max-age.
    config.jitter = 0.0;
    assert_eq!(first_refetch_second(config, secs(100)).await, 100);
}

// ---------------------------------------------------------------------------------------------
// 8. With the real client
// ---------------------------------------------------------------------------------------------

/// A loopback HTTP server that serves `document_json` for its own origin, counting requests,
/// and answers only once `gate` is `true`.
async fn serve(requests: Arc<AtomicUsize>, gate: watch::Receiver<bool>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let body = document_json(&origin, 1);
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            let (requests, mut gate, body) = (Arc::clone(&requests), gate.clone(), body.clone());
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buffer = [0; 1024];
                while !head.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buffer[..n]),
                    }
                }
                requests.fetch_add(1, Ordering::SeqCst);
                let _ = gate.wait_for(|&open| open).await;
                let response = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: max-age=600\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    origin
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_client_concurrent_gets_make_one_request() {
    const N: usize = 20;
    let requests = Arc::new(AtomicUsize::new(0));
    let (gate, gate_receiver) = watch::channel(false);
    let origin = serve(Arc::clone(&requests), gate_receiver).await;
    let cache = Cache::<Oidc>::new(Client::new().unwrap(), Source::issuer(origin.clone()));
    let pending = Arc::new(watch::Sender::new(0));
    let tasks: Vec<_> = (0..N)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(probe(async move { cache.get().await }, &pending))
        })
        .collect();
    wait_for_pending(&pending, N).await;
    until(|| requests.load(Ordering::SeqCst) == 1).await;
    gate.send_replace(true);
    let mut documents = Vec::new();
    for task in tasks {
        documents.push(bounded(task).await.unwrap().unwrap());
    }
    assert_eq!(requests.load(Ordering::SeqCst), 1);
    assert_eq!(documents[0].issuer().as_str(), origin);
    assert!(
        documents
            .iter()
            .all(|document| Arc::ptr_eq(document, &documents[0]))
    );
    // Fresh for max-age=600: later calls are served from the cache.
    for _ in 0..5 {
        assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &documents[0]));
    }
    assert_eq!(requests.load(Ordering::SeqCst), 1);
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

/// A background refresh that never completes — here because its runtime shut down while it
/// waited (a cache in a `static` shared by several runtimes, e.g. `#[tokio::test]`s) — must not
/// stop every later refresh: the stale document would be served forever.
#[test]
fn a_background_refresh_cancelled_with_its_runtime_does_not_block_later_refreshes() {
    let runtime = || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    };
    let fake = Fake::new([
        Step::Doc(1, Some(secs(60))),
        Step::Doc(2, None),
        Step::Doc(3, None),
    ]);
    let (cache, clock) = cache_with(&fake, config());
    let old = runtime().block_on(cache.get()).unwrap();
    clock.advance(secs(60));
    fake.close();
    let first = runtime();
    first.block_on(async {
        assert!(Arc::ptr_eq(&bounded(cache.get()).await.unwrap(), &old));
        fake.wait_for_calls(2).await;
    });
    drop(first); // cancels the background refresh, which waits at the gate
    fake.open();
    runtime().block_on(async {
        clock.advance(secs(60));
        assert!(Arc::ptr_eq(&bounded(cache.get()).await.unwrap(), &old));
        settle().await;
        assert_eq!(
            fake.calls(),
            3,
            "no new refresh: the cancelled one is still taken as running"
        );
        assert_eq!(version(&cache.current().unwrap()), 3);
    });
}

/// `max_ttl: Duration::MAX` ("no upper bound") must not let a server crash the caller with a
/// huge `max-age`.
#[tokio::test]
async fn a_huge_max_age_with_an_unbounded_max_ttl_does_not_panic() {
    let mut config = config();
    config.max_ttl = Duration::MAX;
    let fake = Fake::new([Step::Doc(1, Some(secs(u64::MAX)))]);
    let (cache, _clock) = cache_with(&fake, config);
    let outcome =
        tokio::spawn(async move { cache.get().await.map(|document| version(&document)) }).await;
    assert!(matches!(outcome, Ok(Ok(1))), "{outcome:?}");
}

/// `refresh_interval: Duration::MAX` ("force at most once") must not panic on the second call.
#[tokio::test]
async fn an_unbounded_refresh_interval_does_not_panic() {
    let mut config = config();
    config.refresh_interval = Duration::MAX;
    let fake = Fake::new([Step::Doc(1, None), Step::Doc(2, None)]);
    let (cache, clock) = cache_with(&fake, config);
    let first = cache.refresh_now().await.unwrap();
    let outcome = tokio::spawn(async move {
        clock.advance(secs(86_400));
        cache.refresh_now().await.map(|document| version(&document))
    })
    .await;
    assert!(matches!(outcome, Ok(Ok(1))), "{outcome:?}");
    assert_eq!((version(&first), fake.calls()), (1, 1));
}
