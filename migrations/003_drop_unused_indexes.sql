-- No query reads message_cache by Message-ID, content key or provider thread id: duplicate
-- merging happens in memory and threads are keyed by thread_key. Their indexes only slowed every
-- insert (the content key one most) and grew the file.
DROP INDEX message_cache_message_id;
DROP INDEX message_cache_content_key;
DROP INDEX message_cache_provider_thread;
