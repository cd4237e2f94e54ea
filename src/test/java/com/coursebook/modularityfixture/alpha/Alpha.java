package com.coursebook.modularityfixture.alpha;

/** Fixture for ModularityTest: a module's API type. */
public class Alpha {
}
