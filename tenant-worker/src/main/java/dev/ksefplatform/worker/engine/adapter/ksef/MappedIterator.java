package dev.ksefplatform.worker.engine.adapter.ksef;

import java.util.Iterator;
import java.util.function.Function;

/** An iterator that maps lazily, so a batch's entries are made (and their XML read) one at a time while zipping. */
final class MappedIterator<A, B> implements Iterator<B> {

    private final Iterator<A> source;
    private final Function<A, B> mapping;

    MappedIterator(Iterator<A> source, Function<A, B> mapping) {
        this.source = source;
        this.mapping = mapping;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public B next() {
        return mapping.apply(source.next());
    }
}
