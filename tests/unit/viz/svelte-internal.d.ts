// Svelte ships no types for its client runtime; by-key.test.ts drives a few of its calls.
declare module 'svelte/internal/client';
