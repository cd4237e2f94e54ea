package com.coursebook.modularityfixture.alpha.internal;

/** Fixture for ModularityTest: public in Java, but internal to module alpha. */
public class AlphaSecret {
}
