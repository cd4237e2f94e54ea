package com.coursebook.notes;

/** How a gynecological massage was given; rectal where vaginal is not possible (e.g. an intact hymen). */
public enum Route {
    VAGINAL, RECTAL, EXTERNAL
}
