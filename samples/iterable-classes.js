// Making your own objects iterable.
class Range {
    constructor(from, to, step = 1) {
        this.from = from;
        this.to = to;
        this.step = step;
    }

    *[Symbol.iterator]() {
        for (let v = this.from; v <= this.to; v += this.step) {
            yield v;
        }
    }
}

console.log([...new Range(1, 5)]);
console.log([...new Range(0, 20, 5)]);

// A generator as an object method
const playlist = {
    songs: ["Intro", "Verse", "Chorus"],
    *shuffle() {
        // deterministic "shuffle": reverse order
        for (let i = this.songs.length - 1; i >= 0; i--) {
            yield this.songs[i];
        }
    },
    *[Symbol.iterator]() {
        yield* this.songs;
    },
};
for (const song of playlist) console.log("play " + song);
console.log(Array.from(playlist.shuffle()));

// A hand-written iterator without generators
class Countdown {
    constructor(start) {
        this.start = start;
    }
    [Symbol.iterator]() {
        let current = this.start;
        return {
            next: () => {
                if (current < 0) return { value: undefined, done: true };
                return { value: current--, done: false };
            },
        };
    }
}
console.log([...new Countdown(3)]);

// A linked list with an iterator
class LinkedList {
    #head = null;
    #size = 0;
    push(value) {
        const node = { value, next: null };
        if (!this.#head) {
            this.#head = node;
        } else {
            let cur = this.#head;
            while (cur.next) cur = cur.next;
            cur.next = node;
        }
        this.#size++;
        return this;
    }
    get size() {
        return this.#size;
    }
    *[Symbol.iterator]() {
        for (let n = this.#head; n; n = n.next) yield n.value;
    }
}
const list = new LinkedList().push("x").push("y").push("z");
console.log(list.size, [...list].join(" -> "));

const it = new Range(1, 3)[Symbol.iterator]();
console.log(it.next());
console.log(typeof it[Symbol.iterator]);
console.log(it[Symbol.iterator]() === it);
