//! V8's TimSort (`third_party/v8/builtins/array-sort.tq`, itself a port of CPython's
//! `listobject.c`), ported step for step so that `Array.prototype.sort` calls the comparator
//! in exactly V8's order and gives V8's result even for inconsistent comparators.
//!
//! The sort is generic over a context (the interpreter), the element type and the error type,
//! so it can be unit-tested without an interpreter. `lt(ctx, x, y)` is V8's
//! `sortState.Compare(x, y) < 0`; every comparison below passes its operands in V8's order.
//! An error from `lt` aborts the sort at once; the work array is then in an unspecified
//! (but memory-safe) state and the caller discards it, as V8 does.

/// When both runs win less often than this many times in a row, galloping stops.
const MIN_GALLOP_WINS: usize = 7;

/// The comparison callback: `Ok(true)` iff `x` sorts strictly before `y`.
pub type Less<'a, C, T, E> = dyn FnMut(&mut C, &T, &T) -> Result<bool, E> + 'a;

struct Sorter<'a, 'b, C, T, E> {
    ctx: &'a mut C,
    lt: &'a mut Less<'b, C, T, E>,
    /// The work array being sorted.
    work: Vec<T>,
    /// Scratch space for merges.
    temp: Vec<T>,
    /// Pending runs as (base, length).
    runs: Vec<(usize, usize)>,
    min_gallop: usize,
}

/// Which array a gallop searches.
#[derive(Clone, Copy)]
enum Arr {
    Work,
    Temp,
}

/// Sorts `work` in place with V8's algorithm (`ArrayTimSortImpl`).
pub fn timsort<C, T: Clone, E>(
    ctx: &mut C,
    work: &mut Vec<T>,
    lt: &mut Less<'_, C, T, E>,
) -> Result<(), E> {
    let length = work.len();
    if length < 2 {
        return Ok(());
    }
    let mut s = Sorter {
        ctx,
        lt,
        work: std::mem::take(work),
        temp: Vec::new(),
        runs: Vec::new(),
        min_gallop: MIN_GALLOP_WINS,
    };
    let result = s.run(length);
    *work = s.work;
    result
}

/// `ComputeMinRunLength`: n itself below 64, else a k in 32..=64 with n/k just under a power
/// of two.
fn min_run_length(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

impl<C, T: Clone, E> Sorter<'_, '_, C, T, E> {
    fn less(&mut self, x: &T, y: &T) -> Result<bool, E> {
        (self.lt)(self.ctx, x, y)
    }

    fn arr(&self, which: Arr) -> &[T] {
        match which {
            Arr::Work => &self.work,
            Arr::Temp => &self.temp,
        }
    }

    fn at(&self, which: Arr, i: usize) -> T {
        self.arr(which)[i].clone()
    }

    fn run(&mut self, length: usize) -> Result<(), E> {
        let mut remaining = length;
        let mut low = 0;
        let min_run = min_run_length(remaining);
        while remaining != 0 {
            let mut run_len = self.count_and_make_run(low, low + remaining)?;
            if run_len < min_run {
                let forced = min_run.min(remaining);
                self.binary_insertion_sort(low, low + run_len, low + forced)?;
                run_len = forced;
            }
            self.runs.push((low, run_len));
            self.merge_collapse()?;
            low += run_len;
            remaining -= run_len;
        }
        self.merge_force_collapse()
    }

    /// Sorts `[low, high)` given that `[low, start)` is sorted.
    fn binary_insertion_sort(&mut self, low: usize, start: usize, high: usize) -> Result<(), E> {
        let mut start = if low == start { start + 1 } else { start };
        while start < high {
            let mut left = low;
            let mut right = start;
            let pivot = self.work[right].clone();
            while left < right {
                let mid = left + ((right - left) >> 1);
                let m = self.work[mid].clone();
                if self.less(&pivot, &m)? {
                    right = mid;
                } else {
                    left = mid + 1;
                }
            }
            self.work[left..=start].rotate_right(1);
            start += 1;
        }
        Ok(())
    }

    /// The length of the run starting at `low` (ascending, or strictly descending and then
    /// reversed in place).
    fn count_and_make_run(&mut self, low_arg: usize, high: usize) -> Result<usize, E> {
        let low = low_arg + 1;
        if low == high {
            return Ok(1);
        }
        let mut run_len = 2;
        let element_low = self.work[low].clone();
        let element_low_pred = self.work[low - 1].clone();
        let descending = self.less(&element_low, &element_low_pred)?;
        let mut previous = element_low;
        for idx in low + 1..high {
            let current = self.work[idx].clone();
            let order_lt = self.less(&current, &previous)?;
            if descending != order_lt {
                break;
            }
            previous = current;
            run_len += 1;
        }
        if descending {
            self.work[low_arg..low_arg + run_len].reverse();
        }
        Ok(run_len)
    }

    /// `MergeCollapse`: restores the run-length invariants of the pending-runs stack.
    fn merge_collapse(&mut self) -> Result<(), E> {
        while self.runs.len() > 1 {
            let mut n = self.runs.len() - 2;
            if !self.invariant(n + 1) || !self.invariant(n) {
                if self.runs[n - 1].1 < self.runs[n + 1].1 {
                    n -= 1;
                }
                self.merge_at(n)?;
            } else if self.runs[n].1 <= self.runs[n + 1].1 {
                self.merge_at(n)?;
            } else {
                break;
            }
        }
        Ok(())
    }

    /// `RunInvariantEstablished`: len(n - 2) > len(n - 1) + len(n).
    fn invariant(&self, n: usize) -> bool {
        if n < 2 {
            return true;
        }
        self.runs[n - 2].1 > self.runs[n - 1].1 + self.runs[n].1
    }

    fn merge_force_collapse(&mut self) -> Result<(), E> {
        while self.runs.len() > 1 {
            let mut n = self.runs.len() - 2;
            if n > 0 && self.runs[n - 1].1 < self.runs[n + 1].1 {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// Merges the runs at stack indices `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> Result<(), E> {
        let (mut base_a, mut len_a) = self.runs[i];
        let (base_b, mut len_b) = self.runs[i + 1];
        self.runs[i].1 = len_a + len_b;
        self.runs.remove(i + 1);

        let key_right = self.work[base_b].clone();
        let k = self.gallop_right(Arr::Work, &key_right, base_a, len_a, 0)?;
        base_a += k;
        len_a -= k;
        if len_a == 0 {
            return Ok(());
        }
        let key_left = self.work[base_a + len_a - 1].clone();
        len_b = self.gallop_left(Arr::Work, &key_left, base_b, len_b, len_b - 1)?;
        if len_b == 0 {
            return Ok(());
        }
        if len_a <= len_b {
            self.merge_low(base_a, len_a, base_b, len_b)
        } else {
            self.merge_high(base_a, len_a, base_b, len_b)
        }
    }

    /// The offset in `0..=length` where `key` belongs in the sorted `[base, base + length)`,
    /// left of any equal elements.
    fn gallop_left(
        &mut self,
        arr: Arr,
        key: &T,
        base: usize,
        length: usize,
        hint: usize,
    ) -> Result<usize, E> {
        let mut last_ofs: isize = 0;
        let mut offset: isize = 1;
        let (b, h, len) = (base as isize, hint as isize, length as isize);
        let x = self.at(arr, base + hint);
        if self.less(&x, key)? {
            // a[base + hint] < key: gallop right.
            let max_ofs = len - h;
            while offset < max_ofs {
                let x = self.at(arr, (b + h + offset) as usize);
                if !self.less(&x, key)? {
                    break;
                }
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = offset.min(max_ofs);
            last_ofs += h;
            offset += h;
        } else {
            // key <= a[base + hint]: gallop left.
            let max_ofs = h + 1;
            while offset < max_ofs {
                let x = self.at(arr, (b + h - offset) as usize);
                if self.less(&x, key)? {
                    break;
                }
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = offset.min(max_ofs);
            let tmp = last_ofs;
            last_ofs = h - offset;
            offset = h - tmp;
        }
        last_ofs += 1;
        while last_ofs < offset {
            let m = last_ofs + ((offset - last_ofs) >> 1);
            let x = self.at(arr, (b + m) as usize);
            if self.less(&x, key)? {
                last_ofs = m + 1;
            } else {
                offset = m;
            }
        }
        Ok(offset as usize)
    }

    /// Like `gallop_left`, but right of any equal elements.
    fn gallop_right(
        &mut self,
        arr: Arr,
        key: &T,
        base: usize,
        length: usize,
        hint: usize,
    ) -> Result<usize, E> {
        let mut last_ofs: isize = 0;
        let mut offset: isize = 1;
        let (b, h, len) = (base as isize, hint as isize, length as isize);
        let x = self.at(arr, base + hint);
        if self.less(key, &x)? {
            // key < a[base + hint]: gallop left.
            let max_ofs = h + 1;
            while offset < max_ofs {
                let x = self.at(arr, (b + h - offset) as usize);
                if !self.less(key, &x)? {
                    break;
                }
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = offset.min(max_ofs);
            let tmp = last_ofs;
            last_ofs = h - offset;
            offset = h - tmp;
        } else {
            // a[base + hint] <= key: gallop right.
            let max_ofs = len - h;
            while offset < max_ofs {
                let x = self.at(arr, (b + h + offset) as usize);
                if self.less(key, &x)? {
                    break;
                }
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = offset.min(max_ofs);
            last_ofs += h;
            offset += h;
        }
        last_ofs += 1;
        while last_ofs < offset {
            let m = last_ofs + ((offset - last_ofs) >> 1);
            let x = self.at(arr, (b + m) as usize);
            if self.less(key, &x)? {
                offset = m;
            } else {
                last_ofs = m + 1;
            }
        }
        Ok(offset as usize)
    }

    /// Copies `temp[src..src + n]` to `work[dst..]`.
    fn temp_to_work(&mut self, src: usize, dst: usize, n: usize) {
        self.work[dst..dst + n].clone_from_slice(&self.temp[src..src + n]);
    }

    /// Moves `work[src..src + n]` to `work[dst..]` (overlapping ranges allowed).
    fn work_to_work(&mut self, src: usize, dst: usize, n: usize) {
        if src < dst {
            for i in (0..n).rev() {
                self.work[dst + i] = self.work[src + i].clone();
            }
        } else {
            for i in 0..n {
                self.work[dst + i] = self.work[src + i].clone();
            }
        }
    }

    /// Merges two adjacent runs with `len_a <= len_b`, front to back.
    fn merge_low(
        &mut self,
        base_a: usize,
        len_a: usize,
        base_b: usize,
        len_b: usize,
    ) -> Result<(), E> {
        let (mut len_a, mut len_b) = (len_a, len_b);
        self.temp.clear();
        self.temp
            .extend_from_slice(&self.work[base_a..base_a + len_a]);
        let mut dest = base_a;
        let mut cursor_temp = 0;
        let mut cursor_b = base_b;

        self.work[dest] = self.work[cursor_b].clone();
        dest += 1;
        cursor_b += 1;

        enum End {
            Succeed,
            CopyB,
        }
        let end = 'outer: {
            len_b -= 1;
            if len_b == 0 {
                break 'outer End::Succeed;
            }
            if len_a == 1 {
                break 'outer End::CopyB;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut wins_a = 0usize;
                let mut wins_b = 0usize;
                loop {
                    let x = self.work[cursor_b].clone();
                    let y = self.temp[cursor_temp].clone();
                    if self.less(&x, &y)? {
                        self.work[dest] = x;
                        dest += 1;
                        cursor_b += 1;
                        wins_b += 1;
                        len_b -= 1;
                        wins_a = 0;
                        if len_b == 0 {
                            break 'outer End::Succeed;
                        }
                        if wins_b >= min_gallop {
                            break;
                        }
                    } else {
                        self.work[dest] = y;
                        dest += 1;
                        cursor_temp += 1;
                        wins_a += 1;
                        len_a -= 1;
                        wins_b = 0;
                        if len_a == 1 {
                            break 'outer End::CopyB;
                        }
                        if wins_a >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                let mut first = true;
                while wins_a >= MIN_GALLOP_WINS || wins_b >= MIN_GALLOP_WINS || first {
                    first = false;
                    min_gallop = 1.max(min_gallop - 1);
                    self.min_gallop = min_gallop;

                    let key = self.work[cursor_b].clone();
                    wins_a = self.gallop_right(Arr::Temp, &key, cursor_temp, len_a, 0)?;
                    if wins_a > 0 {
                        self.temp_to_work(cursor_temp, dest, wins_a);
                        dest += wins_a;
                        cursor_temp += wins_a;
                        len_a -= wins_a;
                        if len_a == 1 {
                            break 'outer End::CopyB;
                        }
                        // Impossible for a consistent comparator, but possible here.
                        if len_a == 0 {
                            break 'outer End::Succeed;
                        }
                    }
                    self.work[dest] = self.work[cursor_b].clone();
                    dest += 1;
                    cursor_b += 1;
                    len_b -= 1;
                    if len_b == 0 {
                        break 'outer End::Succeed;
                    }

                    let key = self.temp[cursor_temp].clone();
                    wins_b = self.gallop_left(Arr::Work, &key, cursor_b, len_b, 0)?;
                    if wins_b > 0 {
                        self.work_to_work(cursor_b, dest, wins_b);
                        dest += wins_b;
                        cursor_b += wins_b;
                        len_b -= wins_b;
                        if len_b == 0 {
                            break 'outer End::Succeed;
                        }
                    }
                    self.work[dest] = self.temp[cursor_temp].clone();
                    dest += 1;
                    cursor_temp += 1;
                    len_a -= 1;
                    if len_a == 1 {
                        break 'outer End::CopyB;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            End::Succeed => {
                if len_a > 0 {
                    self.temp_to_work(cursor_temp, dest, len_a);
                }
            }
            End::CopyB => {
                // The last element of run A belongs at the end of the merge.
                self.work_to_work(cursor_b, dest, len_b);
                self.work[dest + len_b] = self.temp[cursor_temp].clone();
            }
        }
        Ok(())
    }

    /// Merges two adjacent runs with `len_a >= len_b`, back to front.
    fn merge_high(
        &mut self,
        base_a: usize,
        len_a: usize,
        base_b: usize,
        len_b: usize,
    ) -> Result<(), E> {
        let (mut len_a, mut len_b) = (len_a, len_b);
        self.temp.clear();
        self.temp
            .extend_from_slice(&self.work[base_b..base_b + len_b]);
        // Cursors are kept one past their position so that they can reach -1 without
        // underflowing: `dest1 - 1` is V8's `dest`, and so on.
        let mut dest1 = base_b + len_b;
        let mut cursor_temp1 = len_b;
        let mut cursor_a1 = base_a + len_a;

        self.work[dest1 - 1] = self.work[cursor_a1 - 1].clone();
        dest1 -= 1;
        cursor_a1 -= 1;

        enum End {
            Succeed,
            CopyA,
        }
        let end = 'outer: {
            len_a -= 1;
            if len_a == 0 {
                break 'outer End::Succeed;
            }
            if len_b == 1 {
                break 'outer End::CopyA;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut wins_a = 0usize;
                let mut wins_b = 0usize;
                loop {
                    let x = self.temp[cursor_temp1 - 1].clone();
                    let y = self.work[cursor_a1 - 1].clone();
                    if self.less(&x, &y)? {
                        self.work[dest1 - 1] = y;
                        dest1 -= 1;
                        cursor_a1 -= 1;
                        wins_a += 1;
                        len_a -= 1;
                        wins_b = 0;
                        if len_a == 0 {
                            break 'outer End::Succeed;
                        }
                        if wins_a >= min_gallop {
                            break;
                        }
                    } else {
                        self.work[dest1 - 1] = x;
                        dest1 -= 1;
                        cursor_temp1 -= 1;
                        wins_b += 1;
                        len_b -= 1;
                        wins_a = 0;
                        if len_b == 1 {
                            break 'outer End::CopyA;
                        }
                        if wins_b >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                let mut first = true;
                while wins_a >= MIN_GALLOP_WINS || wins_b >= MIN_GALLOP_WINS || first {
                    first = false;
                    min_gallop = 1.max(min_gallop - 1);
                    self.min_gallop = min_gallop;

                    let key = self.temp[cursor_temp1 - 1].clone();
                    let k = self.gallop_right(Arr::Work, &key, base_a, len_a, len_a - 1)?;
                    wins_a = len_a - k;
                    if wins_a > 0 {
                        dest1 -= wins_a;
                        cursor_a1 -= wins_a;
                        self.work_to_work(cursor_a1, dest1, wins_a);
                        len_a -= wins_a;
                        if len_a == 0 {
                            break 'outer End::Succeed;
                        }
                    }
                    self.work[dest1 - 1] = self.temp[cursor_temp1 - 1].clone();
                    dest1 -= 1;
                    cursor_temp1 -= 1;
                    len_b -= 1;
                    if len_b == 1 {
                        break 'outer End::CopyA;
                    }

                    let key = self.work[cursor_a1 - 1].clone();
                    let k = self.gallop_left(Arr::Temp, &key, 0, len_b, len_b - 1)?;
                    wins_b = len_b - k;
                    if wins_b > 0 {
                        dest1 -= wins_b;
                        cursor_temp1 -= wins_b;
                        self.temp_to_work(cursor_temp1, dest1, wins_b);
                        len_b -= wins_b;
                        if len_b == 1 {
                            break 'outer End::CopyA;
                        }
                        // Impossible for a consistent comparator, but possible here.
                        if len_b == 0 {
                            break 'outer End::Succeed;
                        }
                    }
                    self.work[dest1 - 1] = self.work[cursor_a1 - 1].clone();
                    dest1 -= 1;
                    cursor_a1 -= 1;
                    len_a -= 1;
                    if len_a == 0 {
                        break 'outer End::Succeed;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            End::Succeed => {
                if len_b > 0 {
                    // V8: Copy(temp, 0, work, dest - (lengthB - 1), lengthB).
                    self.temp_to_work(0, dest1 - len_b, len_b);
                }
            }
            End::CopyA => {
                // The first element of run B belongs at the front of the merge.
                dest1 -= len_a;
                cursor_a1 -= len_a;
                self.work_to_work(cursor_a1, dest1, len_a);
                self.work[dest1 - 1] = self.temp[cursor_temp1 - 1].clone();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    fn sort_by_key(v: &[(u32, usize)]) -> (Vec<(u32, usize)>, usize) {
        let mut w = v.to_vec();
        let mut calls = 0usize;
        timsort::<usize, _, ()>(&mut calls, &mut w, &mut |c, x, y| {
            *c += 1;
            Ok(x.0 < y.0)
        })
        .unwrap();
        (w, calls)
    }

    #[test]
    fn sorts_stably_like_std() {
        let mut rng = Rng(0x2545F4914F6CDD1D);
        for &n in &[
            0usize, 1, 2, 3, 10, 31, 32, 33, 63, 64, 65, 100, 257, 1000, 5000,
        ] {
            for &modulus in &[2u64, 10, 1000, 1 << 30] {
                let v: Vec<(u32, usize)> =
                    (0..n).map(|i| ((rng.next() % modulus) as u32, i)).collect();
                let mut expected = v.clone();
                expected.sort_by_key(|p| p.0);
                assert_eq!(sort_by_key(&v).0, expected, "n={n} mod={modulus}");
                // Partially sorted input (long runs, descending runs) exercises galloping.
                let mut runs = expected.clone();
                let cut = n / 3;
                runs[..cut].reverse();
                let mut e2 = runs.clone();
                e2.sort_by_key(|p| p.0);
                assert_eq!(sort_by_key(&runs).0, e2, "runs n={n} mod={modulus}");
            }
        }
    }

    #[test]
    fn few_comparisons_on_sorted_input() {
        let v: Vec<(u32, usize)> = (0..1000).map(|i| (i as u32, i)).collect();
        let (w, calls) = sort_by_key(&v);
        assert_eq!(w, v);
        assert_eq!(calls, 999);
        let rev: Vec<(u32, usize)> = (0..1000).rev().map(|i| (i as u32, i)).collect();
        let (w, calls) = sort_by_key(&rev);
        assert_eq!(w, v);
        assert_eq!(calls, 999);
    }

    #[test]
    fn inconsistent_comparators_keep_a_permutation() {
        let mut rng = Rng(42);
        for &n in &[5usize, 40, 64, 200, 1500] {
            let v: Vec<usize> = (0..n).collect();
            let mut w = v.clone();
            timsort::<Rng, _, ()>(&mut rng, &mut w, &mut |r, _, _| Ok(r.next() % 2 == 0)).unwrap();
            let mut s = w.clone();
            s.sort();
            assert_eq!(s, v, "n={n}");
        }
    }

    #[test]
    fn errors_abort_the_sort() {
        let mut v: Vec<usize> = (0..100).rev().collect();
        let mut calls = 0usize;
        let r = timsort::<usize, _, &str>(&mut calls, &mut v, &mut |c, x, y| {
            *c += 1;
            if *c == 50 {
                Err("boom")
            } else {
                Ok(x < y)
            }
        });
        assert_eq!(r, Err("boom"));
        assert_eq!(calls, 50);
    }
}
