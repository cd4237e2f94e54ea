package com.coursebook.modularityfixture.beta;

import com.coursebook.modularityfixture.alpha.internal.AlphaSecret;

/** Fixture for ModularityTest: reaches into another module's internals, which verification must refuse. */
public class Beta {

    AlphaSecret secret;
}
