//! [`Cache`]: the last validated document, kept fresh.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use oidc_discovery_validate::{DocumentProfile, Validated};

use crate::{Client, Discoverable, DiscoveryError};

/// Where the cache's time comes from, so that expiry can be tested without sleeping.
pub trait Clock: Send + Sync + 'static {
    /// Now.
    fn now(&self) -> Instant;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// The future a [`Retrieve`] returns: a validated document and its `max-age`.
pub type Retrieval<'a, P> = Pin<
    Box<dyn Future<Output = Result<(Validated<P>, Option<Duration>), DiscoveryError>> + Send + 'a>,
>;

/// What the cache calls to get a document: normally a [`Client`] and a source
/// ([`Source`](crate::Source), [`ResourceSource`](crate::ResourceSource)); tests give their own.
pub trait Retrieve<P: DocumentProfile>: Send + Sync + 'static {
    /// Retrieves and validates the document.
    fn retrieve(&self) -> Retrieval<'_, P>;
}

struct ClientRetrieval<S> {
    client: Client,
    source: S,
}

impl<P: Discoverable> Retrieve<P> for ClientRetrieval<P::Source> {
    fn retrieve(&self) -> Retrieval<'_, P> {
        Box::pin(self.client.discover_with_max_age::<P>(&self.source))
    }
}

/// How long documents stay fresh, and how failures and forced refreshes are paced.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CacheConfig {
    /// The shortest freshness, whatever `Cache-Control` says (default 5 min).
    pub min_ttl: Duration,
    /// The longest freshness (default 24 h).
    pub max_ttl: Duration,
    /// Freshness when the response has no `max-age` (default 1 h, then clamped).
    pub default_ttl: Duration,
    /// Up to this fraction of the freshness is taken off at random, so that a fleet of clients
    /// does not refresh in step (default 0.05; 0 turns jitter off).
    pub jitter: f64,
    /// The first wait before retrying a failed refresh; it doubles up to `retry_max`
    /// (default 1 s).
    pub retry_initial: Duration,
    /// The longest wait between retries (default 5 min).
    pub retry_max: Duration,
    /// The shortest interval between two forced refreshes ([`Cache::refresh_now`]; default 5 min).
    pub refresh_interval: Duration,
}

impl Default for CacheConfig {
    fn default() -> Self {
        Self {
            min_ttl: Duration::from_secs(5 * 60),
            max_ttl: Duration::from_secs(24 * 60 * 60),
            default_ttl: Duration::from_secs(60 * 60),
            jitter: 0.05,
            retry_initial: Duration::from_secs(1),
            retry_max: Duration::from_secs(5 * 60),
            refresh_interval: Duration::from_secs(5 * 60),
        }
    }
}

struct Entry<P: DocumentProfile> {
    document: Arc<Validated<P>>,
    fresh_until: Instant,
}

struct State<P: DocumentProfile> {
    current: Option<Entry<P>>,
    refreshing: bool,
    retry_at: Option<Instant>,
    backoff: Duration,
    last_forced: Option<Instant>,
}

struct Inner<P: DocumentProfile> {
    retriever: Box<dyn Retrieve<P>>,
    config: CacheConfig,
    clock: Arc<dyn Clock>,
    state: Mutex<State<P>>,
    /// Held while a retrieval runs: concurrent callers share one fetch.
    fetching: tokio::sync::Mutex<()>,
}

/// The last validated document of one source, kept fresh.
///
/// * Freshness comes from `Cache-Control: max-age`, clamped to
///   [`min_ttl`](CacheConfig::min_ttl)..[`max_ttl`](CacheConfig::max_ttl), minus jitter.
/// * Concurrent callers share one retrieval (single flight).
/// * When the document is stale, callers get it at once while one background refresh runs.
/// * A failed refresh keeps the last good document and is retried with exponential backoff;
///   a failure is never cached: with no document yet, each call tries again (one at a time).
/// * [`refresh_now`](Self::refresh_now) (for key rotation after an unknown `kid`) fetches at most
///   once per [`refresh_interval`](CacheConfig::refresh_interval).
///
/// Background refreshes are spawned on the current tokio runtime, so call [`get`](Self::get)
/// from within one.
pub struct Cache<P: DocumentProfile> {
    inner: Arc<Inner<P>>,
}

impl<P: DocumentProfile> Clone for Cache<P> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<P: DocumentProfile> std::fmt::Debug for Cache<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// A random fraction in [0, 1) from the standard library's randomly keyed hasher.
fn random_fraction() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0x9e37_79b9_7f4a_7c15);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

impl<P: Discoverable> Cache<P> {
    /// A cache of `source`'s document, fetched with `client`, with the default settings. The
    /// kind of source is the profile's ([`Discoverable::Source`]).
    #[must_use]
    pub fn new(client: Client, source: P::Source) -> Self {
        Self::with(
            ClientRetrieval { client, source },
            CacheConfig::default(),
            SystemClock,
        )
    }
}

impl<P: DocumentProfile> Cache<P> {
    /// A cache with its own retriever, settings and clock.
    #[must_use]
    pub fn with(retriever: impl Retrieve<P>, config: CacheConfig, clock: impl Clock) -> Self {
        Self {
            inner: Arc::new(Inner {
                retriever: Box::new(retriever),
                state: Mutex::new(State {
                    current: None,
                    refreshing: false,
                    retry_at: None,
                    backoff: config.retry_initial,
                    last_forced: None,
                }),
                config,
                clock: Arc::new(clock),
                fetching: tokio::sync::Mutex::new(()),
            }),
        }
    }

    /// The document: the cached one when fresh; the stale one (starting one background
    /// refresh) when stale; otherwise one shared retrieval.
    ///
    /// # Errors
    ///
    /// Only when there is no document yet and retrieval fails.
    pub async fn get(&self) -> Result<Arc<Validated<P>>, DiscoveryError> {
        if let Some(document) = self.cached_or_refresh_in_background() {
            return Ok(document);
        }
        let _fetching = self.inner.fetching.lock().await;
        // Another caller may have fetched while this one waited.
        if let Some(entry) = &self.inner.lock().current {
            return Ok(Arc::clone(&entry.document));
        }
        self.inner.retrieve_and_store().await
    }

    /// A new retrieval now, unless one was forced less than
    /// [`refresh_interval`](CacheConfig::refresh_interval) ago (then the current document is
    /// returned, if there is one). For key rotation: call it when a token names an unknown key.
    ///
    /// # Errors
    ///
    /// When the retrieval fails; the last good document is kept.
    pub async fn refresh_now(&self) -> Result<Arc<Validated<P>>, DiscoveryError> {
        {
            let now = self.inner.clock.now();
            let mut state = self.inner.lock();
            let interval = self.inner.config.refresh_interval;
            let limited = state
                .last_forced
                .is_some_and(|last| last.checked_add(interval).is_none_or(|until| now < until));
            if let (true, Some(entry)) = (limited, &state.current) {
                return Ok(Arc::clone(&entry.document));
            }
            state.last_forced = Some(now);
        }
        let _fetching = self.inner.fetching.lock().await;
        self.inner.retrieve_and_store().await
    }

    /// The cached document, fresh or stale, without fetching.
    #[must_use]
    pub fn current(&self) -> Option<Arc<Validated<P>>> {
        self.inner
            .lock()
            .current
            .as_ref()
            .map(|entry| Arc::clone(&entry.document))
    }

    fn cached_or_refresh_in_background(&self) -> Option<Arc<Validated<P>>> {
        let now = self.inner.clock.now();
        let mut state = self.inner.lock();
        let entry = state.current.as_ref()?;
        let document = Arc::clone(&entry.document);
        if now < entry.fresh_until {
            return Some(document);
        }
        let may_retry = state.retry_at.is_none_or(|at| now >= at);
        if !state.refreshing && may_retry {
            state.refreshing = true;
            let refresh = Refreshing(Arc::clone(&self.inner));
            tokio::spawn(async move {
                let _fetching = refresh.0.fetching.lock().await;
                // A forced refresh may have run while this one waited for the lock.
                if !refresh.0.is_fresh() {
                    let _ = refresh.0.retrieve_and_store().await;
                }
                // `refresh` drops here, clearing the flag.
            });
        }
        Some(document)
    }
}

/// Marks a background refresh as running; clears the mark when dropped — also when the task is
/// cancelled (its runtime shut down), so that a later call can start a new refresh.
struct Refreshing<P: DocumentProfile>(Arc<Inner<P>>);

impl<P: DocumentProfile> Drop for Refreshing<P> {
    fn drop(&mut self) {
        self.0.lock().refreshing = false;
    }
}

/// The longest freshness ever used (about 100 years), so that no `Cache-Control` or
/// configuration can overflow `Duration` or `Instant` arithmetic.
const FOREVER: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

impl<P: DocumentProfile> Inner<P> {
    fn lock(&self) -> MutexGuard<'_, State<P>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn is_fresh(&self) -> bool {
        let now = self.clock.now();
        self.lock()
            .current
            .as_ref()
            .is_some_and(|entry| now < entry.fresh_until)
    }

    async fn retrieve_and_store(&self) -> Result<Arc<Validated<P>>, DiscoveryError> {
        let result = self.retriever.retrieve().await;
        let now = self.clock.now();
        let mut state = self.lock();
        match result {
            Ok((document, max_age)) => {
                let config = &self.config;
                let min = config.min_ttl.min(FOREVER);
                let max = config.max_ttl.clamp(min, FOREVER);
                let ttl = max_age.unwrap_or(config.default_ttl).clamp(min, max);
                let jitter = if config.jitter.is_finite() {
                    config.jitter.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let ttl = ttl.mul_f64(1.0 - jitter * random_fraction());
                let fresh_until = now.checked_add(ttl).unwrap_or(now);
                let document = Arc::new(document);
                state.current = Some(Entry {
                    document: Arc::clone(&document),
                    fresh_until,
                });
                state.retry_at = None;
                state.backoff = config.retry_initial;
                Ok(document)
            }
            Err(error) => {
                state.retry_at = now.checked_add(state.backoff.min(FOREVER));
                state.backoff = state
                    .backoff
                    .saturating_mul(2)
                    .min(self.config.retry_max)
                    .min(FOREVER);
                Err(error)
            }
        }
    }
}
